package io.chameleon.cli;

import io.chameleon.testsupport.CliRunner;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** A command run as root warns on stderr (pg_chameleon refuses outright); as another user it says nothing. */
class RootWarningTest {

    @Test
    void rootIsUidZero() {
        assertThat(RootWarning.isRoot(OptionalInt.of(0))).isTrue();
        assertThat(RootWarning.isRoot(OptionalInt.of(10001))).isFalse();
        assertThat(RootWarning.isRoot(OptionalInt.empty())).isFalse();
        assertThat(RootWarning.uid()).as("the uid of this process can be told on Linux").isPresent();
    }

    @Test
    void aCommandWarnsOnStderrExactlyWhenRunAsRoot(@TempDir Path home) {
        String config = TestConfig.target("127.0.0.1", 1, "nobody", "secret", "db").write(home, "root").toString();

        CliRunner.Result shown = CliRunner.run("show_config", "--config", config);

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).doesNotContain("running as root");
        if (RootWarning.uid().getAsInt() == 0) {
            assertThat(shown.err()).contains(RootWarning.MESSAGE);
        } else {
            assertThat(shown.err()).doesNotContain("running as root");
        }
        System.out.println("tests run as uid " + RootWarning.uid().getAsInt());
    }
}
