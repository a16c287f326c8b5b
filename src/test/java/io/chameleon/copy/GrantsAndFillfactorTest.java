package io.chameleon.copy;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** grant_select_to and fillfactor as pg_chameleon defines them, applied by init_replica. */
@RealServers
class GrantsAndFillfactorTest {

    private static CliRunner.Result init;

    @BeforeAll
    static void copy(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home) {
        source.execute("CREATE TABLE busy (id INT PRIMARY KEY, hits INT)", "INSERT INTO busy VALUES (1, 0)",
                "CREATE TABLE calm (id INT PRIMARY KEY)");
        target.execute("DO $$ BEGIN CREATE ROLE report_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "shop")
                .set("FILLFACTOR", "{\"70\": {tables: [" + source.name() + ".busy]}}")
                .set("GRANT_SELECT_TO", "[report_reader, no_such_role]")
                .write(home, "grants").toString();
        CliRunner.run("create_replica_schema", "--config", config);
        CliRunner.run("add_source", "--config", config, "--source", "shop");
        init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
    }

    @Test
    void grantsReadAccessToTheListedRolesNowAndForLaterTables(PostgresDatabase target) {
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(target.queryForList("SELECT has_schema_privilege('report_reader', 'shop', 'USAGE'),"
                + " has_table_privilege('report_reader', 'shop.busy', 'SELECT'),"
                + " has_table_privilege('report_reader', 'shop.calm', 'SELECT'),"
                + " has_table_privilege('report_reader', 'shop.busy', 'INSERT')"))
                .containsExactly(List.of(true, true, true, false));
        target.execute("CREATE TABLE shop.later (id int)");
        assertThat(target.queryForList("SELECT has_table_privilege('report_reader', 'shop.later', 'SELECT')"))
                .containsExactly(List.of(true));
    }

    @Test
    void warnsAboutAMissingRoleAndGoesOn() {
        assertThat(init.out()).contains("WARNING: role no_such_role of grant_select_to does not exist");
    }

    @Test
    void createsTheListedTablesWithTheirFillfactor(PostgresDatabase target) {
        assertThat(target.queryForList("SELECT c.relname, array_to_string(c.reloptions, ',') FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'shop' AND c.relkind = 'r'"
                + " AND c.relname IN ('busy', 'calm') ORDER BY 1"))
                .containsExactly(List.of("busy", "fillfactor=70"), io.chameleon.testsupport.Rows.row("calm", null));
    }
}
