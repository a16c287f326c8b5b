package io.chameleon.cli;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * add_source refuses destination schemas PostgreSQL reserves (pg_*, information_schema) and the catalogue's, before
 * registering anything (the same rule as update_schema_mappings).
 */
@RealServers
class ReservedSchemaNamesTest {

    @Test
    void addSourceRefusesReservedDestinationSchemas(PostgresDatabase target, @TempDir Path home) {
        for (String reserved : new String[] {"pg_shop", "PG_shop", "information_schema", "cat_reserved"}) {
            String config = TestConfig.target(target).set("CATALOGUE", "cat_reserved").set("PG_SCHEMA", reserved)
                    .write(home, "reserved").toString();
            assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();

            CliRunner.Result add = CliRunner.run("add_source", "--config", config, "--source", "shop");

            assertThat(add.exitCode()).as(reserved).isEqualTo(5);
            assertThat(add.err()).contains("source 'shop': MySQL database 'shop_db' cannot map to schema '"
                    + reserved + "': ", "choose another name in schema_mappings");
            assertThat(CliRunner.run("show_status", "--config", config).out()).as(reserved)
                    .contains("No sources registered");
        }
        assertThat(CliRunner.run("add_source", "--config", TestConfig.target(target).set("CATALOGUE",
                "cat_reserved").set("PG_SCHEMA", "pgshop").write(home, "free").toString(), "--source", "shop")
                .exitCode()).as("a name merely close to a reserved one").isZero();
    }
}
