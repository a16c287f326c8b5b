package io.chameleon.packaging;

import io.chameleon.config.ConfigKeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The essentials of the container images, read from their definitions: deploy/container (built and checked on these
 * machines by scripts/build-images.sh, which no test runs: it needs root, podman and a few minutes) and
 * src/main/docker (for a normal container engine).
 */
class ContainerfilesTest {

    private static final Path JVM = Path.of("deploy", "container", "Containerfile.jvm");
    private static final Path NATIVE = Path.of("deploy", "container", "Containerfile.native");
    private static final String STATE = "/var/lib/chameleon";

    @ParameterizedTest
    @ValueSource(strings = {"deploy/container/Containerfile.jvm", "deploy/container/Containerfile.native"})
    void runsAsAFixedNonRootUser(String file) throws Exception {
        Containerfile containerfile = Containerfile.read(Path.of(file));

        assertThat(containerfile.single("USER")).as(file).isEqualTo("10001:10001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/container/Containerfile.jvm", "deploy/container/Containerfile.native"})
    void exposesTheDefaultHealthPort(String file) throws Exception {
        Containerfile containerfile = Containerfile.read(Path.of(file));

        assertThat(containerfile.single("EXPOSE")).as(file).isEqualTo(ConfigKeys.HEALTH_PORT.defaultValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/container/Containerfile.jvm", "deploy/container/Containerfile.native"})
    void entersTheProgramItCopiesWithHelpAsTheDefaultCommand(String file) throws Exception {
        Containerfile containerfile = Containerfile.read(Path.of(file));

        List<String> entrypoint = containerfile.execForm("ENTRYPOINT");
        assertThat(entrypoint).as(file).hasSize(1);
        assertThat(containerfile.copyDestinations()).as(file).contains(entrypoint.get(0));
        assertThat(containerfile.execForm("CMD")).as(file).containsExactly("--help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/container/Containerfile.jvm", "deploy/container/Containerfile.native"})
    void keepsConfigurationAndStateInVolumes(String file) throws Exception {
        Containerfile containerfile = Containerfile.read(Path.of(file));

        assertThat(containerfile.execForm("VOLUME")).as(file).containsExactly("/etc/chameleon", STATE);
        assertThat(containerfile.single("ENV")).as(file).contains("CHAMELEON_HOME=" + STATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/container/Containerfile.jvm", "deploy/container/Containerfile.native"})
    void buildsWithoutRunningAContainer(String file) throws Exception {
        Containerfile containerfile = Containerfile.read(Path.of(file));

        // podman builds on these machines but cannot run a container (setrlimit is not permitted)
        assertThat(containerfile.arguments("RUN")).as(file + ": RUN instructions").isEmpty();
        List<String> context = Files.readAllLines(Path.of("deploy", "container", "containerignore")).stream()
                .filter(line -> line.startsWith("!")).map(line -> line.substring(1)).toList();
        assertThat(containerfile.copySources()).as(file + ": what it copies is in the build context")
                .allSatisfy(source -> assertThat(context).anySatisfy(kept -> assertThat(source).startsWith(kept)));
    }

    @Test
    void theJvmImageRunsTheLauncherOnTheLocallyAssembledBase() throws Exception {
        Containerfile jvm = Containerfile.read(JVM);

        assertThat(jvm.single("FROM")).isEqualTo("${BASE}");
        assertThat(jvm.single("ARG")).startsWith("BASE=localhost/chameleon-base:");
        assertThat(jvm.copySources()).contains("scripts/chameleon", "target/quarkus-app/quarkus-run.jar");
        assertThat(jvm.execForm("ENTRYPOINT")).containsExactly("/opt/chameleon/chameleon");
    }

    @Test
    void theNativeImageHoldsNothingButWhatTheExecutableNeeds() throws Exception {
        Containerfile nativeImage = Containerfile.read(NATIVE);

        assertThat(nativeImage.single("FROM")).isEqualTo("scratch");
        assertThat(nativeImage.copySources()).containsExactly("target/container/native-rootfs/",
                "target/container/native-state/", "target/container/chameleon-native");
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/docker/Dockerfile.jvm", "src/main/docker/Dockerfile.native-micro"})
    void theDockerfilesForANormalEngineRunAsNonRootToo(String file) throws Exception {
        Containerfile dockerfile = Containerfile.read(Path.of(file));

        assertThat(dockerfile.single("USER")).as(file).matches("[1-9][0-9]*");
        assertThat(dockerfile.execForm("ENTRYPOINT")).as(file).isNotEmpty();
    }
}
