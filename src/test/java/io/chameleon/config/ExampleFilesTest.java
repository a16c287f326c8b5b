package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleFilesTest {

    @TempDir
    Path dir;

    private Path copy(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void pgChameleonExampleLoadsUnchanged() throws IOException {
        LoadedConfig loaded = ConfigFiles.load(copy("/config/pg_chameleon-example.yml"));

        ChameleonConfig config = loaded.config();
        assertEquals(List.of("mysql", "pgsql"), List.copyOf(config.sources().keySet()));
        assertEquals(new TypeOverride("boolean", List.of("*")), config.typeOverrides().get("tinyint(1)"));
        assertEquals(Map.of(30, List.of("foo.bar"), 40, List.of("foo.foobar")), config.fillfactor());
        assertEquals(5432, config.pgConn().port());
        assertEquals("chameleon_catalogue", config.catalogueSchema());
    }

    @Test
    void pgChameleonExampleMysqlSourceValues() throws IOException {
        SourceConfig mysql = ConfigFiles.load(copy("/config/pg_chameleon-example.yml")).config().source("mysql");

        assertEquals(300L * 1024 * 1024, mysql.copyMaxMemoryBytes());
        assertEquals("120s", mysql.lockTimeout());
        assertEquals(Optional.empty(), mysql.autoMaintenance());
        assertEquals(ErrorPolicy.CONTINUE, mysql.onErrorRead());
        assertEquals(new SkipEvents(List.of("delphis_mediterranea.foo"), List.of(), List.of("delphis_mediterranea")),
                mysql.skipEvents());
        assertEquals(false, mysql.keepExistingSchema());
        assertEquals(600, mysql.netReadTimeoutSeconds());
        assertEquals(Map.of("delphis_mediterranea", "loxodonta_africana"), mysql.schemaMappings());
        assertEquals(null, mysql.dbConn().database());
    }

    @Test
    void pgsqlSourceKeysNestedUnderDbConnAreReadWithWarning() throws IOException {
        LoadedConfig loaded = ConfigFiles.load(copy("/config/pg_chameleon-example.yml"));

        SourceConfig pgsql = loaded.config().source("pgsql");
        assertEquals(SourceType.PGSQL, pgsql.type());
        assertEquals("db_replica", pgsql.dbConn().database());
        assertEquals(Map.of("loxodonta_africana", "elephas_maximus"), pgsql.schemaMappings());
        assertEquals(3000, pgsql.replicaBatchSize());
        assertTrue(loaded.warnings().contains("sources.pgsql.db_conn.schema_mappings: belongs directly under"
                + " sources.pgsql, not under db_conn; read as sources.pgsql.schema_mappings, move it up one level"),
                String.join("\n", loaded.warnings()));
    }

    @Test
    void packagedExampleLoadsWhenPasswordsComeFromTheEnvironment() throws IOException {
        Path file = copy("/config-example.yml");

        LoadedConfig loaded = ConfigFiles.load(file, Map.of("PG_PASSWORD", "pw1", "MYSQL_PASSWORD", "pw2"));

        assertEquals("pw1", loaded.config().pgConn().password().reveal());
        assertEquals("pw2", loaded.config().source("mysql").dbConn().password().reveal());
        assertEquals(List.of(), loaded.warnings().stream().filter(w -> w.contains("unknown key")).toList());
    }

    @Test
    void packagedExampleWritesEveryKey() throws IOException {
        String example = Files.readString(copy("/config-example.yml"));

        for (ConfigKey<?> key : ConfigKeys.all()) {
            if (!key.name().equals("*")) {
                assertTrue(example.contains(key.name() + ":"), key.path() + " missing from config-example.yml");
            }
        }
    }
}
