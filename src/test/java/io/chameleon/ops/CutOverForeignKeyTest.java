package io.chameleon.ops;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.cutover.CutOver;
import io.chameleon.cutover.CutOverReport;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chameleon.testsupport.HttpReceiver;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.ServerException;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * detach_replica with a foreign key whose rows do not satisfy it (written with foreign_key_checks off): the key is
 * created, reported with the count of rows that break it, and left NOT VALID; exit status 6. Sequences behind a
 * nextval default are set past the column's values too.
 */
@RealServers
class CutOverForeignKeyTest {

    @Test
    void aForeignKeyTheRowsBreakIsReportedAndLeftNotValid(MariaDbDatabase source, PostgresDatabase target,
                                                          @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE owners (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20))",
                "CREATE TABLE pets (id INT AUTO_INCREMENT PRIMARY KEY, owner_id INT,"
                        + " CONSTRAINT pets_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id))",
                "INSERT INTO owners (name) VALUES ('ada')",
                "SET SESSION foreign_key_checks = 0",
                "INSERT INTO pets (owner_id) VALUES (1), (77), (78), (NULL)");
        try (HttpReceiver receiver = HttpReceiver.start(HttpReceiver.Answer.OK)) {
            detachReportsTheBrokenKey(source, target, TestConfig.between(source, target)
                    .set("CATALOGUE", "fk_catalogue").set("PG_SCHEMA", "zoo").set("NOTIFY", "notification_webhook: '" + receiver.url("/hook") + "'")
                    .write(home, "broken").toString(), receiver);
        }
    }

    private static void detachReportsTheBrokenKey(MariaDbDatabase source, PostgresDatabase target, String config,
                                                  HttpReceiver receiver) throws Exception {
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();
        CliRunner.Result init = CliRunner.run("init_replica", "--config", config, "--source", "shop");
        assertThat(init.exitCode()).as(init.err()).isZero();

        // a column added in PostgreSQL with a nextval default of its own sequence (as keep_existing_schema keeps)
        target.execute("CREATE SEQUENCE zoo.owner_codes", "ALTER TABLE zoo.owners ADD COLUMN code bigint"
                + " DEFAULT nextval('zoo.owner_codes')", "UPDATE zoo.owners SET code = 50");

        receiver.drain();
        CliRunner.Result detach = CliRunner.run("detach_replica", "--config", config, "--source", "shop", "--yes");

        assertThat(detach.exitCode()).as(detach.out() + detach.err()).isEqualTo(6);
        assertThat(detach.out()).contains("zoo.owners.id: next value 2 (already past)",
                "zoo.owners.code: next value 51", "zoo.pets.id: next value 5 (already past)", "1 NOT VALID",
                "NOT VALID " + source.name() + ".pets.pets_owner_fk: 2 rows"
                + " of zoo.pets have no matching row in zoo.owners",
                "ALTER TABLE \"zoo\".\"pets\" VALIDATE CONSTRAINT \"pets_owner_fk\"");
        assertThat(target.queryForList("SELECT convalidated FROM pg_constraint WHERE conname = 'pets_owner_fk'"))
                .containsExactly(List.of(false));
        assertThat(target.queryForList("INSERT INTO zoo.pets (owner_id) VALUES (1) RETURNING id"))
                .containsExactly(List.of(5));
        assertThatThrownBy(() -> target.execute("INSERT INTO zoo.pets (owner_id) VALUES (79)"))
                .as("new writes are checked").hasStackTraceContaining("pets_owner_fk");
        assertThat(target.queryForList("SELECT count(*) FROM fk_catalogue.source")).containsExactly(List.of(0L));
        // the alert is out when the command returns
        List<HttpReceiver.Request> alerts = receiver.drain();
        assertThat(alerts).hasSize(1);
        JsonNode alert = new ObjectMapper().readTree(alerts.get(0).body());
        assertThat(alert.get("event").asText()).isEqualTo("detach_finished");
        assertThat(alert.get("message").asText()).startsWith("source shop detached: 2 tables, ")
                .contains("1 not valid");
        assertThat(alert.at("/details/foreign_keys_not_valid").asLong()).isEqualTo(1);
    }
}
