package io.chameleon.ops;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.LocalMariaDb;
import io.chameleon.testsupport.LocalPostgres;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.MariaDbServer;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.PostgresServer;
import io.chameleon.testsupport.TestCertificates;
import io.chameleon.testsupport.TestConfig;
import io.chameleon.testsupport.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS to both servers, against servers that accept nothing else: a private MariaDB with a server certificate and
 * require_secure_transport=ON, a private PostgreSQL with ssl=on and only hostssl lines. Certificates are made with
 * openssl for this run.
 */
@Tag("integration")
class TlsReplicationTest {

    private static Path certDir;
    private static TestCertificates certs;
    private static MariaDbServer mariadb;
    private static PostgresServer postgres;

    @BeforeAll
    static void servers() throws IOException {
        certDir = Files.createTempDirectory("chameleon-certs-");
        certs = TestCertificates.generate(certDir);
        mariadb = LocalMariaDb.start(certs, List.of());
        postgres = LocalPostgres.start(certs);
    }

    @AfterAll
    static void stop() throws IOException {
        if (mariadb != null) {
            mariadb.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        try (Stream<Path> files = Files.walk(certDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void copyAndLiveReplicationWorkWithVerifyCa(@TempDir Path home) throws Exception {
        MariaDbDatabase source = mariadb.createDatabase("tls_source");
        PostgresDatabase target = postgres.createDatabase("tls_target");
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20))",
                "INSERT INTO items VALUES (1, 'copied')");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "tls_s")
                .mysqlTls(Map.of("ssl_mode", "verify-ca", "ssl_ca", certs.caCert().toString(),
                        "ssl_cert", certs.clientCert().toString(), "ssl_key", certs.clientKey().toString()))
                .pgTls(Map.of("sslmode", "verify-ca", "sslrootcert", certs.caCert().toString(),
                        "sslcert", certs.clientCert().toString(), "sslkey", certs.clientKey().toString()))
                .write(home, "tls").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            assertThat(target.queryForList("SELECT id, label FROM tls_s.items"))
                    .containsExactly(List.of(1, "copied"));
            source.execute("INSERT INTO items VALUES (2, 'streamed')",
                    "UPDATE items SET label = 'changed' WHERE id = 1");
            Eventually.equals(List.of(List.of(1, "changed"), List.of(2, "streamed")),
                    () -> target.queryForList("SELECT id, label FROM tls_s.items ORDER BY id"), Duration.ofSeconds(60));
            assertThat(replica.failure()).isNull();
            // the binlog stream too: a plain connection could not have logged in to this server at all
            List<List<Object>> dumps = mariadb.queryForList(null, "SELECT COUNT(*) FROM"
                    + " information_schema.processlist WHERE command LIKE 'Binlog Dump%'");
            assertThat(((Number) dumps.get(0).get(0)).intValue()).isEqualTo(1);
        }
    }

    @Test
    void aWrongCaFailsNamingTheServerAndTheCause(@TempDir Path home) {
        MariaDbDatabase source = mariadb.createDatabase("tls_wrong_ca");
        PostgresDatabase target = postgres.createDatabase("tls_wrong_ca");
        TestConfig base = TestConfig.between(source, target);
        String wrongPg = base.pgTls(Map.of("sslmode", "verify-ca", "sslrootcert", certs.otherCaCert().toString()))
                .write(home, "wrong_pg").toString();
        CliRunner.Result pg = CliRunner.run("create_replica_schema", "--config", wrongPg);
        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(4);
        assertThat(pg.err()).contains("PostgreSQL 127.0.0.1:" + postgres.port(), "unknown CA",
                "pg_conn.sslrootcert");

        String wrongMy = base.pgTls(Map.of("sslmode", "verify-full", "sslrootcert", certs.caCert().toString()))
                .mysqlTls(Map.of("ssl_mode", "verify-ca", "ssl_ca", certs.otherCaCert().toString()))
                .write(home, "wrong_my").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", wrongMy).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", wrongMy, "--source", "shop").exitCode()).isZero();
        CliRunner.Result my = CliRunner.run("init_replica", "--config", wrongMy, "--source", "shop");
        assertThat(my.exitCode()).as(my.err()).isEqualTo(4);
        assertThat(my.err()).contains("MySQL 127.0.0.1:" + mariadb.port(), "unknown CA", "db_conn.ssl_ca");
    }

    @Test
    void aHostNameTheCertificateDoesNotListFailsNamingTheMismatch(@TempDir Path home) {
        MariaDbDatabase source = mariadb.createDatabase("tls_mismatch");
        PostgresDatabase target = postgres.createDatabase("tls_mismatch");
        TestConfig base = TestConfig.between(source, target).set("PG_HOST", "localhost");
        String pgByName = base.pgTls(Map.of("sslmode", "verify-full", "sslrootcert", certs.caCert().toString()))
                .write(home, "pg_by_name").toString();
        CliRunner.Result pg = CliRunner.run("create_replica_schema", "--config", pgByName);
        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(4);
        assertThat(pg.err()).contains("PostgreSQL localhost:" + postgres.port(), "host name mismatch");

        String myByName = base.set("PG_HOST", "127.0.0.1").set("MY_HOST", "localhost")
                .mysqlTls(Map.of("ssl_mode", "verify-identity", "ssl_ca", certs.caCert().toString()))
                .write(home, "my_by_name").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", myByName).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", myByName, "--source", "shop").exitCode()).isZero();
        CliRunner.Result my = CliRunner.run("check", "--config", myByName, "--source", "shop");
        assertThat(my.exitCode()).as(my.err()).isEqualTo(4);
        assertThat(my.err()).contains("MySQL localhost:" + mariadb.port(), "host name mismatch");
    }

    /** The shared test servers run without TLS (local and container modes). */
    @Test
    void aServerWithoutTlsFailsARequiredModeSayingSo(@TempDir Path home) {
        MariaDbServer plainMariaDb = TestServers.mariadb();
        PostgresServer plainPostgres = TestServers.postgres();
        assumeTrue(!"YES".equals(plainMariaDb.queryForList(null, "SELECT @@have_ssl").get(0).get(0))
                && "off".equals(plainPostgres.queryForList(null, "SHOW ssl").get(0).get(0)), "test servers with TLS");
        MariaDbDatabase source = plainMariaDb.createDatabase("tls_none_" + System.nanoTime() % 100000);
        PostgresDatabase target = plainPostgres.createDatabase("tls_none_" + System.nanoTime() % 100000);
        try {
            TestConfig base = TestConfig.between(source, target);
            String pgRequired = base.pgTls(Map.of("sslmode", "require")).write(home, "pg_required").toString();
            CliRunner.Result pg = CliRunner.run("create_replica_schema", "--config", pgRequired);
            assertThat(pg.exitCode()).as(pg.err()).isEqualTo(4);
            assertThat(pg.err()).contains("PostgreSQL 127.0.0.1:" + plainPostgres.port(), "does not offer TLS");

            String myRequired = base.pgTls(Map.of("sslmode", "prefer")).mysqlTls(Map.of("ssl_mode", "required"))
                    .write(home, "my_required").toString();
            assertThat(CliRunner.run("create_replica_schema", "--config", myRequired).exitCode()).isZero();
            assertThat(CliRunner.run("add_source", "--config", myRequired, "--source", "shop").exitCode()).isZero();
            CliRunner.Result my = CliRunner.run("check", "--config", myRequired, "--source", "shop");
            assertThat(my.exitCode()).as(my.err()).isEqualTo(4);
            assertThat(my.err()).contains("MySQL 127.0.0.1:" + plainMariaDb.port(), "does not offer TLS");
        } finally {
            plainMariaDb.dropDatabase(source.name());
            plainPostgres.dropDatabase(target.name());
        }
    }

    @Test
    void tlsDisabledAgainstServersThatRequireItFailsClearly(@TempDir Path home) {
        MariaDbDatabase source = mariadb.createDatabase("tls_disabled");
        PostgresDatabase target = postgres.createDatabase("tls_disabled");
        TestConfig base = TestConfig.between(source, target);
        String plainPg = base.pgTls(Map.of("sslmode", "disable")).write(home, "plain_pg").toString();
        CliRunner.Result pg = CliRunner.run("create_replica_schema", "--config", plainPg);
        assertThat(pg.exitCode()).as(pg.err()).isEqualTo(4);
        assertThat(pg.err()).contains("PostgreSQL 127.0.0.1:" + postgres.port(), "accepts only encrypted",
                "pg_conn.sslmode");

        String plainMy = base.pgTls(Map.of("sslmode", "require")).mysqlTls(Map.of("ssl_mode", "disabled"))
                .write(home, "plain_my").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", plainMy).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", plainMy, "--source", "shop").exitCode()).isZero();
        CliRunner.Result my = CliRunner.run("init_replica", "--config", plainMy, "--source", "shop");
        assertThat(my.exitCode()).as(my.err()).isEqualTo(4);
        assertThat(my.err()).contains("MySQL 127.0.0.1:" + mariadb.port(), "accepts only encrypted",
                "db_conn.ssl_mode");
    }
}
