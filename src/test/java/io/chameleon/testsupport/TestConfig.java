package io.chameleon.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a chameleon configuration file for a test from {@code config/test-template.yml}: one MySQL source
 * mapping one MariaDB database to one PostgreSQL schema, pointing at the test's own databases.
 */
public final class TestConfig {

    private final Map<String, String> values = new LinkedHashMap<>();

    private TestConfig() {
        set("CATALOGUE", "chameleon_catalogue");
        set("SOURCE", "shop");
        set("MY_SCHEMA", "shop_db");
        set("PG_SCHEMA", "shop");
        set("SERVER_ID", Integer.toString(ThreadLocalRandom.current().nextInt(1000, 1_000_000)));
        set("MY_HOST", "127.0.0.1");
        set("MY_PORT", "3306");
        set("MY_USER", "nobody");
        set("MY_PASSWORD", "unused");
        set("COPY_MAX_MEMORY", "64M");
        set("COPY_WORKERS", "0");
        set("COPY_SPLIT_ROWS", "100000");
        set("BAD_VALUE_POLICY", "discard");
        set("GTID_ENABLE", "false");
        set("LOG_DEST", "stdout");
        set("KEEP_EXISTING_SCHEMA", "No");
        set("FILLFACTOR", "");
        set("GRANT_SELECT_TO", "");
        set("HEALTH_PORT", Integer.toString(FreePort.find()));
        set("AUTO_RESYNC_PURGED_BINLOG", "false");
        set("PG_TLS", "");
        set("MY_TLS", "");
        set("ROLLBAR_KEY", "");
        set("ROLLBAR_ENV", "");
        set("NOTIFY", "");
        set("ON_ERROR_REPLAY", "continue");
    }

    /** A configuration whose target is the given database; the MySQL side points nowhere until set. */
    public static TestConfig target(String host, int port, String user, String password, String database) {
        return new TestConfig().set("PG_HOST", host).set("PG_PORT", Integer.toString(port)).set("PG_USER", user)
                .set("PG_PASSWORD", password).set("PG_DATABASE", database);
    }

    public static TestConfig target(PostgresDatabase pg) {
        PostgresServer server = pg.server();
        return target(server.host(), server.port(), server.user(), server.password(), pg.name());
    }

    /** A configuration replicating the given MariaDB database into the given PostgreSQL database. */
    public static TestConfig between(MariaDbDatabase source, PostgresDatabase pg) {
        MariaDbServer server = source.server();
        return target(pg).set("MY_HOST", server.host()).set("MY_PORT", Integer.toString(server.port()))
                .set("MY_USER", server.user()).set("MY_PASSWORD", server.password()).set("MY_SCHEMA", source.name());
    }

    /** TLS keys of pg_conn, e.g. {@code sslmode: verify-ca, sslrootcert: /path/ca.crt} (values are quoted). */
    public TestConfig pgTls(Map<String, String> keys) {
        return set("PG_TLS", yamlLines(keys, "  "));
    }

    /** TLS keys of the source's db_conn, e.g. {@code ssl_mode: verify-ca, ssl_ca: /path/ca.crt}. */
    public TestConfig mysqlTls(Map<String, String> keys) {
        return set("MY_TLS", yamlLines(keys, "      "));
    }

    private static String yamlLines(Map<String, String> keys, String indent) {
        StringBuilder lines = new StringBuilder();
        keys.forEach((key, value) -> lines.append(lines.length() == 0 ? "" : "\n" + indent).append(key)
                .append(": '").append(value.replace("'", "''")).append('\''));
        return lines.toString();
    }

    /** Sets a template placeholder, e.g. {@code set("PG_SCHEMA", "sales")}. */
    public TestConfig set(String placeholder, String value) {
        values.put(placeholder, value);
        return this;
    }

    /** Writes {@code <dir>/<name>.yml} readable by the owner only, and returns its path. */
    public Path write(Path dir, String name) {
        String text = template();
        set("HOME", dir.toString());
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("@" + value.getKey() + "@", value.getValue());
        }
        if (text.contains("@")) {
            throw new IllegalStateException("unfilled placeholder in test configuration:\n" + text);
        }
        try {
            Path file = dir.resolve(name + ".yml");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String template() {
        try (InputStream in = TestConfig.class.getClassLoader().getResourceAsStream("config/test-template.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
