package io.chameleon.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chameleon.config.ConfigLoader;
import io.chameleon.notify.NotificationLevel;
import io.chameleon.notify.Notifier;
import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.HttpReceiver;
import io.chameleon.testsupport.HttpReceiver.Answer;
import io.chameleon.testsupport.HttpReceiver.Request;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts reach a local HTTP receiver standing in for Rollbar (item API, token in its header) and for the generic
 * webhook, for each event: copy finished, copy failed, table switched off by a replay error, replica stopped on an
 * error, detach finished; --rollbar-level filters them; no secret is in any of them; a receiver that hangs or
 * refuses costs the caller nothing and does not hold replication back.
 */
@RealServers
class NotificationsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "rollbar-token-4f1c9e";
    private static final String HOOK_SECRET = "hook-secret-77ad";

    @Test
    void copiesAlertRollbarAndTheWebhookFilteredByLevel(MariaDbDatabase source, PostgresDatabase target,
                                                        @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO items VALUES (1, 'a'), (2, 'b')");
        try (HttpReceiver receiver = HttpReceiver.start(Answer.OK)) {
            Path config = TestConfig.between(source, target).set("CATALOGUE", "cat_copies").set("ROLLBAR_KEY", TOKEN)
                    .set("ROLLBAR_ENV", "test-env").set("NOTIFY", receivers(receiver)).write(home, "copies");
            assertThat(cli("create_replica_schema", "--config", config.toString()).exitCode()).isZero();
            assertThat(cli("add_source", "--config", config.toString(), "--source", "shop").exitCode()).isZero();
            assertThat(receiver.drain()).as("commands that send no alert").isEmpty();

            CliRunner.Result init = cli("init_replica", "--config", config.toString(), "--source", "shop");

            assertThat(init.exitCode()).as(init.err()).isZero();
            // a command's alerts are out when it returns
            List<Request> finished = receiver.drain();
            assertThat(finished).hasSize(2);
            Request rollbar = only(finished, "/rollbar");
            JsonNode item = JSON.readTree(rollbar.body());
            assertThat(rollbar.method()).isEqualTo("POST");
            assertThat(rollbar.header("X-Rollbar-Access-Token")).isEqualTo(TOKEN);
            assertThat(item.at("/data/environment").asText()).isEqualTo("test-env");
            assertThat(item.at("/data/level").asText()).isEqualTo("info");
            assertThat(item.at("/data/body/message/body").asText())
                    .matches("init_replica of source shop finished: \\d+ tables, \\d+ rows in \\d+ s");
            JsonNode hook = JSON.readTree(only(finished, "/hook/").body());
            assertThat(hook.get("event").asText()).isEqualTo("copy_finished");
            assertThat(hook.get("level").asText()).isEqualTo("info");
            assertThat(hook.get("source").asText()).isEqualTo("shop");
            // the class's tests share the MariaDB database: other tables may be copied too
            assertThat(hook.at("/details/rows").asLong()).isGreaterThanOrEqualTo(2);
            assertThat(hook.at("/details/tables").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(hook.at("/details/command").asText()).isEqualTo("init_replica");

            CliRunner.Result sync = cli("sync_tables", "--config", config.toString(), "--source", "shop",
                    "--tables", source.name() + ".missing");

            assertThat(sync.exitCode()).isNotZero();
            List<Request> failed = receiver.drain();
            assertThat(failed).hasSize(2);
            assertThat(JSON.readTree(only(failed, "/rollbar").body()).at("/data/level").asText()).isEqualTo("critical");
            JsonNode failure = JSON.readTree(only(failed, "/hook/").body());
            assertThat(failure.get("event").asText()).isEqualTo("copy_failed");
            assertThat(failure.get("message").asText()).contains("sync_tables of source shop failed")
                    .contains(source.name() + ".missing");

            // --rollbar-level critical: a finished copy (info) is not sent, a failed one (critical) is
            CliRunner.Result quiet = cli("init_replica", "--config", config.toString(), "--source", "shop",
                    "--rollbar-level", "critical");
            assertThat(quiet.exitCode()).as(quiet.err()).isZero();
            assertThat(receiver.drain()).isEmpty();
            CliRunner.Result loud = cli("sync_tables", "--config", config.toString(), "--source", "shop",
                    "--tables", source.name() + ".missing", "--rollbar-level", "CRITICAL");
            assertThat(loud.exitCode()).isNotZero();
            List<Request> critical = receiver.drain();
            assertThat(critical).extracting(r -> event(r)).containsOnly("copy_failed").hasSize(2);

            for (Request request : concat(finished, failed, critical)) {
                assertThat(request.body()).doesNotContain(TOKEN, HOOK_SECRET, target.server().password(),
                        source.server().password());
            }
            for (CliRunner.Result result : List.of(init, sync, quiet, loud)) {
                assertThat(result.out() + result.err()).doesNotContain(TOKEN, HOOK_SECRET);
            }
        }
    }

    @Test
    void replayErrorsAlertTableDisabledThenReplicaStopped(MariaDbDatabase source, PostgresDatabase target,
                                                          @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE orders (id INT PRIMARY KEY, qty INT)", "INSERT INTO orders VALUES (1, 1)");
        try (HttpReceiver receiver = HttpReceiver.start(Answer.OK)) {
            TestConfig settings = TestConfig.between(source, target).set("CATALOGUE", "cat_replay")
                    .set("NOTIFY", "notification_webhook: '"
                    + receiver.url("/hook/" + HOOK_SECRET) + "'");
            String config = settings.write(home, "continue").toString();
            try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
                assertThat(event(receiver.next(DEADLINE))).isEqualTo("copy_finished");
                target.execute("ALTER TABLE shop.orders ADD CONSTRAINT few CHECK (qty < 100) NOT VALID");
                source.execute("INSERT INTO orders VALUES (7, 500)");

                JsonNode disabled = JSON.readTree(receiver.next(DEADLINE).body());

                assertThat(disabled.get("event").asText()).isEqualTo("table_disabled");
                assertThat(disabled.get("level").asText()).isEqualTo("error");
                assertThat(disabled.at("/details/table").asText()).isEqualTo("shop.orders");
                assertThat(disabled.at("/details/sqlstate").asText()).isEqualTo("23514");
                assertThat(disabled.get("message").asText()).contains("sync_tables --tables disabled");
            }

            String exit = settings.set("ON_ERROR_REPLAY", "exit").write(home, "exit").toString();
            CliRunner.Result sync = cli("sync_tables", "--config", exit, "--source", "shop", "--tables", "disabled");
            assertThat(sync.exitCode()).as(sync.err()).isZero();
            assertThat(event(receiver.next(DEADLINE))).isEqualTo("copy_finished");
            target.execute("ALTER TABLE shop.orders ADD CONSTRAINT few CHECK (qty < 100) NOT VALID");
            source.execute("INSERT INTO orders VALUES (8, 800)");
            try (ReplicaHarness replica = ReplicaHarness.start(exit, target)) {
                JsonNode stopped = JSON.readTree(receiver.next(DEADLINE).body());

                assertThat(stopped.get("event").asText()).isEqualTo("replica_stopped");
                assertThat(stopped.get("level").asText()).isEqualTo("critical");
                assertThat(stopped.get("message").asText()).startsWith("replica of source shop stopped on an error: ")
                        .contains("orders");
                Eventually.equals(true, () -> replica.failure() != null, DEADLINE);
            }
        }
    }

    @Test
    void detachFinishedIsSentForTheDetachCommand(@TempDir Path home) throws Exception {
        try (HttpReceiver receiver = HttpReceiver.start(Answer.OK)) {
            Path config = TestConfig.target("127.0.0.1", 1, "nobody", "pg-password-91", "db")
                    .set("ROLLBAR_KEY", TOKEN).set("ROLLBAR_ENV", "prod").set("NOTIFY", receivers(receiver))
                    .write(home, "detach");
            try (Notifier notifier = Notifier.of(ConfigLoader.load(config.toString()).config(),
                    NotificationLevel.INFO, ThisProcess.host())) {
                notifier.detachFinished("shop", "3 tables, 2 sequences set, 1 foreign key created",
                        Map.of("tables", 3, "sequences", 2, "foreign_keys", 1));
            }
            List<Request> sent = receiver.drain();
            JsonNode hook = JSON.readTree(only(sent, "/hook/").body());
            assertThat(hook.get("event").asText()).isEqualTo("detach_finished");
            assertThat(hook.get("message").asText())
                    .isEqualTo("source shop detached: 3 tables, 2 sequences set, 1 foreign key created");
            assertThat(hook.at("/details/sequences").asInt()).isEqualTo(2);
            JsonNode item = JSON.readTree(only(sent, "/rollbar").body());
            assertThat(item.at("/data/level").asText()).isEqualTo("info");
            assertThat(item.at("/data/environment").asText()).isEqualTo("prod");
        }
    }

    @Test
    void aReceiverThatHangsOrRefusesCostsTheCallerNothing(@TempDir Path home) throws Exception {
        try (HttpReceiver hanging = HttpReceiver.start(Answer.HANG);
             HttpReceiver failing = HttpReceiver.start(Answer.SERVER_ERROR)) {
            Map<String, String> receivers = Map.of("hangs", hanging.url("/hook"),
                    "refuses", "http://127.0.0.1:" + closedPort() + "/hook", "answers 500", failing.url("/hook"));
            for (Map.Entry<String, String> receiver : receivers.entrySet()) {
                Path config = TestConfig.target("127.0.0.1", 1, "nobody", "secret", "db")
                        .set("NOTIFY", "notification_webhook: '" + receiver.getValue() + "'")
                        .write(home, "slow");
                Notifier notifier = Notifier.of(ConfigLoader.load(config.toString()).config(), NotificationLevel.INFO,
                        ThisProcess.host());
                long started = System.nanoTime();
                for (int i = 0; i < 1000; i++) {
                    notifier.tableDisabled("shop", "shop.t" + i, "23505", "duplicate key");
                }
                double millis = (System.nanoTime() - started) / 1e6;
                long closing = System.nanoTime();
                notifier.close();
                double closeSeconds = (System.nanoTime() - closing) / 1e9;
                System.out.printf("receiver that %s: 1000 alerts queued in %.1f ms, close %.1f s, delivered %d,"
                        + " undelivered %d%n", receiver.getKey(), millis, closeSeconds, notifier.delivered(),
                        notifier.undelivered());

                assertThat(millis).as("time to raise 1000 alerts, receiver that " + receiver.getKey())
                        .isLessThan(500);
                assertThat(closeSeconds).as("close waits a bounded time").isLessThan(
                        Notifier.CLOSE_WAIT.toSeconds() + 2);
                assertThat(notifier.delivered()).isZero();
                assertThat(notifier.undelivered()).isPositive();
            }
        }
    }

    @Test
    void replicationGoesOnWhileTheReceiverHangs(MariaDbDatabase source, PostgresDatabase target,
                                                @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE parcels (id INT PRIMARY KEY, qty INT)",
                "CREATE TABLE entries (id INT PRIMARY KEY)");
        try (HttpReceiver hanging = HttpReceiver.start(Answer.HANG)) {
            String config = TestConfig.between(source, target).set("CATALOGUE", "cat_hanging").set("NOTIFY",
                    "notification_webhook: '" + hanging.url("/hook") + "'").write(home, "hanging").toString();
            try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
                // init_replica waited its bounded time for the receiver, which holds that alert
                assertThat(event(hanging.next(DEADLINE))).isEqualTo("copy_finished");
                target.execute("ALTER TABLE shop.parcels ADD CONSTRAINT few CHECK (qty < 100) NOT VALID");
                source.execute("INSERT INTO parcels VALUES (1, 500)");
                assertThat(event(hanging.next(DEADLINE))).as("the alert is held by the receiver").isEqualTo(
                        "table_disabled");
                long started = System.nanoTime();
                source.execute("INSERT INTO entries SELECT seq FROM seq_1_to_2000");

                Eventually.equals(List.of(List.of(2000L)), () -> target.queryForList(
                        "SELECT count(*) FROM shop.entries"), DEADLINE);
                System.out.printf("2000 rows replicated in %.2f s while the receiver hangs%n",
                        (System.nanoTime() - started) / 1e9);
                assertThat(replica.failure()).isNull();
            }
        }
    }

    /** A port nothing listens on: connections to it are refused. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String receivers(HttpReceiver receiver) {
        return "rollbar_endpoint: '" + receiver.url("/rollbar") + "'\nnotification_webhook: '"
                + receiver.url("/hook/" + HOOK_SECRET) + "'";
    }

    private static CliRunner.Result cli(String... args) {
        return CliRunner.run(args);
    }

    private static Request only(List<Request> requests, String pathPrefix) {
        List<Request> matching = requests.stream().filter(r -> r.pathAndQuery().startsWith(pathPrefix)).toList();
        assertThat(matching).as("requests to " + pathPrefix).hasSize(1);
        return matching.get(0);
    }

    private static String event(Request request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body.has("event") ? body.get("event").asText() : body.at("/data/custom/event").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.body(), e);
        }
    }

    @SafeVarargs
    private static List<Request> concat(List<Request>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
