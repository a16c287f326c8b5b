package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bad value per kind; each message names the key path, shows the value and says how to fix it. */
class InvalidValuesTest {

    @TempDir
    Path dir;

    private List<String> problemsWith(String path, String value) {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), path, value);
        return ConfigFiles.failure(dir, tree).problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void sizeWithUnknownSuffix() {
        assertEquals(List.of("sources.mysql.copy_max_memory: \"300X\" is not a size; use a number with k, M or G"),
                problemsWith("sources.mysql.copy_max_memory", "300X"));
    }

    @Test
    void integerThatIsNotANumber() {
        assertEquals(List.of("sources.mysql.replica_batch_size: \"lots\" is not an integer;"
                        + " use an integer from 1 to 2147483647"),
                problemsWith("sources.mysql.replica_batch_size", "lots"));
    }

    @Test
    void integerOutOfRange() {
        assertEquals(List.of("sources.mysql.my_server_id: \"0\" is out of range; use an integer from 1 to 4294967295"),
                problemsWith("sources.mysql.my_server_id", "yaml:0"));
    }

    @Test
    void portThatIsNotANumber() {
        assertEquals(List.of("pg_conn.port: \"abc\" is not a port number; use an integer from 1 to 65535"),
                problemsWith("pg_conn.port", "abc"));
    }

    @Test
    void portOutOfRange() {
        assertEquals(List.of("sources.mysql.db_conn.port: \"70000\" is not a port number;"
                + " use an integer from 1 to 65535"), problemsWith("sources.mysql.db_conn.port", "yaml:70000"));
    }

    @Test
    void intervalWithUnknownUnit() {
        assertEquals(List.of("sources.mysql.batch_retention: \"1 fortnight\" is not a PostgreSQL interval;"
                        + " use a number and a unit, e.g. '1 day' or '30 minutes'"),
                problemsWith("sources.mysql.batch_retention", "1 fortnight"));
    }

    @Test
    void durationWithUnknownUnit() {
        assertEquals(List.of("sources.mysql.lock_timeout: \"2 parsecs\" is not a duration;"
                        + " use a number with ms, s, min, h or d, e.g. \"120s\""),
                problemsWith("sources.mysql.lock_timeout", "2 parsecs"));
    }

    @Test
    void enumWithUnknownWord() {
        assertEquals(List.of("log_dest: \"syslog\" is not a valid value; use file or stdout"),
                problemsWith("log_dest", "syslog"));
    }

    @Test
    void logLevelListsEveryChoice() {
        assertEquals(List.of("log_level: \"verbose\" is not a valid value; use debug, info, warning or error"),
                problemsWith("log_level", "verbose"));
    }

    @Test
    void autoMaintenanceThatIsNeitherIntervalNorDisabled() {
        assertEquals(List.of("sources.mysql.auto_maintenance: \"weekly\" is not a PostgreSQL interval;"
                        + " use a number and a unit, e.g. '1 day' or '30 minutes', or disabled"),
                problemsWith("sources.mysql.auto_maintenance", "weekly"));
    }

    @Test
    void booleanThatIsNotYesOrNo() {
        assertEquals(List.of("sources.mysql.gtid_enable: \"maybe\" is not a boolean;"
                        + " use true or false (yes and no are accepted too)"),
                problemsWith("sources.mysql.gtid_enable", "maybe"));
    }

    @Test
    void listWrittenAsSingleValue() {
        assertEquals(List.of("sources.mysql.limit_tables: \"sakila.film\" is not a list;"
                        + " write one item per line, each starting with \"- \""),
                problemsWith("sources.mysql.limit_tables", "sakila.film"));
    }

    @Test
    void tableListItemWithoutSchema() {
        assertEquals(List.of("sources.mysql.skip_tables[1]: \"film\" is not schema.table; write the database and"
                        + " the table separated by a dot, e.g. my_db.my_table"),
                problemsWith("sources.mysql.skip_tables", "yaml:[sakila.actor, film]"));
    }

    @Test
    void mapWrittenAsSingleValue() {
        assertEquals(List.of("sources.mysql.schema_mappings: \"sakila\" is not a map;"
                        + " write one \"mysql_database: postgresql_schema\" pair per line"),
                problemsWith("sources.mysql.schema_mappings", "sakila"));
    }

    @Test
    void emptyMap() {
        assertEquals(List.of("sources.mysql.schema_mappings: has no entries;"
                        + " write one \"mysql_database: postgresql_schema\" pair per line"),
                problemsWith("sources.mysql.schema_mappings", "yaml:{}"));
    }

    @Test
    void fillfactorOutOfRange() {
        assertEquals(List.of("fillfactor.5: \"5\" is not a fillfactor; use an integer from 10 to 100"),
                problemsWith("fillfactor", "yaml:{\"5\": {tables: [sakila.film]}}"));
    }

    @Test
    void typeOverrideWithoutTargetType() {
        assertEquals(List.of("type_override.tinyint(1).override_to: is required;"
                        + " name the PostgreSQL type the column becomes, e.g. boolean"),
                problemsWith("type_override", "yaml:{\"tinyint(1)\": {override_tables: [\"*\"]}}"));
    }

    @Test
    void typeOverrideWrittenAsPlainType() {
        assertEquals(List.of("type_override.tinyint(1): is not a map with override_to and override_tables;"
                        + " write \"tinyint(1)\": {override_to: boolean, override_tables: [\"*\"]}"),
                problemsWith("type_override", "yaml:{\"tinyint(1)\": boolean}"));
    }

    @Test
    void sectionWrittenAsSingleValue() {
        assertEquals(List.of("pg_conn: \"localhost\" is not a map of keys; indent its keys below it"),
                problemsWith("pg_conn", "localhost"));
    }

    @Test
    void catalogueSchemaThatIsNotAPlainIdentifier() {
        assertEquals(List.of("catalogue_schema: \"My Catalogue\" is not a usable PostgreSQL name; use lower-case"
                        + " letters, digits and _, starting with a letter or _, at most 63 characters"),
                problemsWith("catalogue_schema", "My Catalogue"));
    }
}
