package io.chameleon.cli;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command run embedded (here: in the test's JVM) never starts "itself" in the background, which would start the
 * embedding program instead: it asks for --foreground. The packaged program does detach (BackgroundCopyIT).
 */
@RealServers
class EmbeddedBackgroundTest {

    @Test
    void anEmbeddedCopyWithLogDestFileAsksForForeground(MariaDbDatabase source, PostgresDatabase target,
                                                         @TempDir Path home) {
        // a reachable source: init_replica's pre-flight checks pass before it decides where the copy runs
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_embedded").set("LOG_DEST", "file")
                .write(home, "embedded").toString();
        assertThat(CliRunner.run("create_replica_schema", "--config", config).exitCode()).isZero();
        assertThat(CliRunner.run("add_source", "--config", config, "--source", "shop").exitCode()).isZero();

        for (String command : new String[] {"init_replica", "start_replica"}) {
            CliRunner.Result run = CliRunner.run(command, "--config", config, "--source", "shop");

            assertThat(run.exitCode()).as(command).isEqualTo(5);
            assertThat(run.err()).as(command).contains("this process is not the chameleon program",
                    "add --foreground");
        }
        assertThat(Files.exists(home.resolve("pid/shop_copy.pid"))).isFalse();
    }
}
