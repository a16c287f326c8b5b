package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentSubstitutionTest {

    @TempDir
    Path dir;

    private Path fileWith(String path, String value) {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), path, value);
        return ConfigFiles.write(dir, tree);
    }

    @Test
    void setVariableReplacesTheReference() {
        Path file = fileWith("pg_conn.password", "${PG_PW}");

        ChameleonConfig config = ConfigFiles.load(file, Map.of("PG_PW", "from-env")).config();

        assertEquals("from-env", config.pgConn().password().reveal());
    }

    @Test
    void referenceInsideLongerTextIsReplaced() {
        Path file = fileWith("pg_conn.host", "db-${REGION}.example.org");

        ChameleonConfig config = ConfigFiles.load(file, Map.of("REGION", "eu1")).config();

        assertEquals("db-eu1.example.org", config.pgConn().host());
    }

    @Test
    void unsetVariableUsesItsDefault() {
        Path file = fileWith("sources.mysql.db_conn.port", "${MYSQL_PORT:-3307}");

        ChameleonConfig config = ConfigFiles.load(file, Map.of()).config();

        assertEquals(3307, config.source("mysql").dbConn().port());
    }

    @Test
    void unsetVariableWithoutDefaultIsAProblemNamingKeyAndVariable() {
        Path file = fileWith("sources.mysql.db_conn.password", "${MYSQL_PW}");

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> ConfigFiles.load(file, Map.of()));

        assertEquals(List.of(new ConfigProblem("sources.mysql.db_conn.password",
                "environment variable MYSQL_PW is not set; export it, or write ${MYSQL_PW:-default}")),
                failure.problems());
    }

    @Test
    void substitutedValueIsValidatedLikeAWrittenOne() {
        Path file = fileWith("sources.mysql.copy_max_memory", "${COPY_MEMORY}");

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> ConfigFiles.load(file, Map.of("COPY_MEMORY", "lots")));

        assertEquals("sources.mysql.copy_max_memory: \"lots\" is not a size; use a number with k, M or G",
                failure.problems().get(0).toString());
    }
}
