package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadingTest {

    @TempDir
    Path dir;

    @Test
    void validFileBindsTypedValues() {
        ChameleonConfig config = ConfigFiles.load(ConfigFiles.write(dir, ConfigFiles.validTree())).config();

        assertEquals(Path.of(System.getProperty("user.home"), ".pg_chameleon/pid/"), config.pidDir());
        assertEquals(LogDestination.FILE, config.logDest());
        assertEquals("jdbc:postgresql://pg.example.org:5432/db_replica", config.pgConn().jdbcUrl());
        assertEquals("jdbc:mysql://mysql.example.org:3306/?connectTimeout=10000&characterEncoding=UTF-8",
                config.source("mysql").dbConn().jdbcUrl());
        assertEquals(List.of("sakila.film_text"), config.source("mysql").skipTables());
        assertEquals(List.of(), config.source("mysql").limitTables());
    }

    @Test
    void unknownKeyIsAWarningNamingItsPath() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.copy_max_memroy", "1G");

        LoadedConfig loaded = ConfigFiles.load(ConfigFiles.write(dir, tree));

        assertTrue(loaded.warnings().contains("sources.mysql.copy_max_memroy: unknown key, ignored;"
                + " check its spelling and nesting (see docs/configuration.md)"), String.join("\n", loaded.warnings()));
    }

    @Test
    void threeBadKeysGiveThreeProblemLines() {
        ObjectNode tree = ConfigFiles.validTree();
        ConfigFiles.with(tree, "log_level", "loud");
        ConfigFiles.with(tree, "pg_conn.port", "abc");
        ConfigFiles.with(tree, "sources.mysql.copy_max_memory", "300X");
        Path file = ConfigFiles.write(dir, tree);

        ConfigurationException failure = assertThrows(ConfigurationException.class, () -> ConfigFiles.load(file));

        assertEquals(String.join("\n",
                "configuration file " + file + " has 3 problems:",
                "  log_level: \"loud\" is not a valid value; use debug, info, warning or error",
                "  pg_conn.port: \"abc\" is not a port number; use an integer from 1 to 65535",
                "  sources.mysql.copy_max_memory: \"300X\" is not a size; use a number with k, M or G"),
                failure.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() {
        Path file = ConfigFiles.write(dir, "pid_dir: /tmp\nlog_dir: [unclosed\nlog_dest: file\n");

        ConfigurationException failure = assertThrows(ConfigurationException.class, () -> ConfigFiles.load(file));

        assertTrue(failure.getMessage().startsWith("configuration file " + file + " has 1 problem:\n  (syntax): line "),
                failure.getMessage());
        assertTrue(failure.getMessage().matches("(?s).*line \\d+, column \\d+: .*"), failure.getMessage());
    }

    @Test
    void unknownSourceNameListsTheSourcesInTheFile() {
        Path file = ConfigFiles.write(dir, ConfigFiles.validTree());
        ChameleonConfig config = ConfigFiles.load(file).config();

        ConfigurationException failure = assertThrows(ConfigurationException.class, () -> config.source("mariadb"));

        assertEquals("source 'mariadb' is not in " + file + "; sources there: mysql", failure.getMessage());
    }

    @Test
    void lockTimeoutWithoutUnitIsMillisecondsAsInPostgresql() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.lock_timeout", "yaml:120");

        SourceConfig source = ConfigFiles.load(ConfigFiles.write(dir, tree)).config().source("mysql");

        assertEquals("120ms", source.lockTimeout());
    }

    @Test
    void unquotedNullBadValuePolicyIsTheNullPolicyNotTheDefault() {
        // YAML reads the word null as no value; whoever writes it means the null policy
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "sources.mysql.bad_value_policy", "yaml:null");

        SourceConfig source = ConfigFiles.load(ConfigFiles.write(dir, tree)).config().source("mysql");

        assertEquals(BadValuePolicy.NULL, source.badValuePolicy());
    }
}
