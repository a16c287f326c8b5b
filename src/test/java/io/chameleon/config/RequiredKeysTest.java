package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredKeysTest {

    @TempDir
    Path dir;

    static Stream<String> keysRequiredForMysqlSources() {
        return ConfigKeys.all().stream()
                .filter(key -> key.requirement() == Requirement.REQUIRED
                        || key.requirement() == Requirement.REQUIRED_MAY_BE_EMPTY
                        || key.requirement() == Requirement.REQUIRED_FOR_MYSQL)
                .map(key -> key.pathIn("mysql"));
    }

    @ParameterizedTest
    @MethodSource("keysRequiredForMysqlSources")
    void missingRequiredKeyIsReportedWithItsPath(String path) {
        ObjectNode tree = ConfigFiles.without(ConfigFiles.validTree(), path);

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertTrue(failure.getMessage().contains("\n  " + path + ": is required; "), failure.getMessage());
        assertEquals(1, failure.problems().size(), failure.getMessage());
    }

    @Test
    void missingSchemaMappingsSaysWhatToWrite() {
        ObjectNode tree = ConfigFiles.without(ConfigFiles.validTree(), "sources.mysql.schema_mappings");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("sources.mysql.schema_mappings: is required; map each MySQL database to a PostgreSQL schema",
                failure.problems().get(0).toString());
    }

    @Test
    void missingKeyMessageQuotesAnExample() {
        ObjectNode tree = ConfigFiles.without(ConfigFiles.validTree(), "sources.mysql.copy_max_memory");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("sources.mysql.copy_max_memory: is required; memory for one slice of a table copy: bytes, or a"
                + " number with k, M or G, e.g. copy_max_memory: \"300M\"", failure.problems().get(0).toString());
    }

    @Test
    void requiredKeyMayBeEmptyWhenReferenceAllowsIt() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.grant_select_to", "yaml:null");

        LoadedConfig loaded = ConfigFiles.load(ConfigFiles.write(dir, tree));

        assertEquals(java.util.List.of(), loaded.config().source("mysql").grantSelectTo());
    }

    @Test
    void requiredKeyWithEmptyValueIsReported() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.out_dir", "yaml:null");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("sources.mysql.out_dir: has no value; directory pg_chameleon uses for file copies (required for"
                + " compatibility; chameleon writes no files there), e.g. out_dir: /tmp",
                failure.problems().get(0).toString());
    }

    @Test
    void pgsqlSourceNeedsDatabase() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.type", "pgsql");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("sources.mysql.db_conn.database: is required; database to copy from (pgsql sources),"
                + " e.g. database: db_source", failure.problems().get(0).toString());
    }

    @Test
    void pgsqlSourceMayOmitReplicationOnlyKeys() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.type", "pgsql");
        ConfigFiles.with(tree, "sources.mysql.db_conn.database", "db_source");
        ConfigFiles.without(tree, "sources.mysql.on_error_replay");
        ConfigFiles.without(tree, "sources.mysql.my_server_id");

        SourceConfig source = ConfigFiles.load(ConfigFiles.write(dir, tree)).config().source("mysql");

        assertEquals(ErrorPolicy.EXIT, source.onErrorReplay());
        assertEquals("db_source", source.dbConn().database());
    }

    @Test
    void emptySourcesIsReported() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources", "yaml:{}");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("sources: has no entries; name at least one source and indent its keys below the name",
                failure.problems().get(0).toString());
    }
}
