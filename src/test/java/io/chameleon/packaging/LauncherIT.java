package io.chameleon.packaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/chameleon runs the native executable when there is one (CHAMELEON_BIN, else the newest target/*-runner)
 * and the JVM build otherwise, saying which in one line on stderr. The native executables here are shell scripts
 * printing their arguments (no GraalVM on these machines); the JVM build is the packaged one.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("scripts", "chameleon").toAbsolutePath();
    private static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();

    @TempDir
    Path scratch;

    @Test
    void runsChameleonBinWithTheArgumentsPassedThrough() throws Exception {
        Path fake = ProgramRun.fakeExecutable(scratch.resolve("elsewhere/chameleon-native"));

        ProgramRun run = launch(LAUNCHER, Map.of("CHAMELEON_BIN", fake.toString()), "show_status", "--source",
                "two words", "");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
        assertThat(run.out()).isEqualTo("fake: show_status\nfake: --source\nfake: two words\nfake: \n");
        assertThat(run.err()).isEqualTo("chameleon: native executable " + fake + "\n");
    }

    @Test
    void refusesAChameleonBinThatIsNotAnExecutable() throws Exception {
        Path notExecutable = Files.writeString(scratch.resolve("chameleon.txt"), "not a program");

        ProgramRun run = launch(LAUNCHER, Map.of("CHAMELEON_BIN", notExecutable.toString()), "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("chameleon: CHAMELEON_BIN=" + notExecutable + " is not an executable file; "
                + "point it at the native executable, or unset it to run the JVM build\n");
    }

    @Test
    void prefersTheNewestNativeRunnerOfTheSourceTree() throws Exception {
        Path launcher = sourceTreeLauncher();
        Path older = ProgramRun.fakeExecutable(scratch.resolve("target/chameleon-0.0.9-runner"));
        Path newer = ProgramRun.fakeExecutable(scratch.resolve("target/chameleon-0.1.0-runner"));
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.createSymbolicLink(scratch.resolve("target/quarkus-app"), APP);

        ProgramRun run = launch(launcher, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(7);
        assertThat(run.out()).isEqualTo("fake: --version\n");
        assertThat(run.err()).isEqualTo("chameleon: native executable " + newer.toRealPath() + "\n");
    }

    @Test
    void runsTheJvmBuildWithoutANativeExecutable() throws Exception {
        Path launcher = sourceTreeLauncher();
        Files.createDirectories(scratch.resolve("target"));
        Files.createSymbolicLink(scratch.resolve("target/quarkus-app"), APP);

        ProgramRun run = launch(launcher, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).matches("chameleon \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(run.err()).isEqualTo("chameleon: JVM build " + APP.toRealPath() + "\n");
    }

    @Test
    void anInstalledLauncherCalledThroughASymlinkRunsTheJvmBuildBesideIt() throws Exception {
        // README's installation: /opt/chameleon/{chameleon,quarkus-app}, /usr/local/bin/chameleon a link to the first
        Path opt = Files.createDirectories(scratch.resolve("opt/chameleon"));
        Files.copy(LAUNCHER, opt.resolve("chameleon"));
        Files.createSymbolicLink(opt.resolve("quarkus-app"), APP);
        Path bin = Files.createDirectories(scratch.resolve("usr/local/bin")).resolve("chameleon");
        Files.createSymbolicLink(bin, opt.resolve("chameleon"));

        ProgramRun run = launch(bin, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("chameleon ");
        assertThat(run.err()).isEqualTo("chameleon: JVM build " + APP.toRealPath() + "\n");
    }

    @Test
    void saysHowToBuildWhenThereIsNothingToRun() throws Exception {
        Path launcher = sourceTreeLauncher();

        ProgramRun run = launch(launcher, Map.of(), "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("no native executable (target/*-runner, or CHAMELEON_BIN) and no JVM build at",
                "./mvnw -B package -DskipTests (JVM) or ./mvnw -B package -Dnative -DskipTests (native)");
    }

    /** JDK 17 to 24 record a class-data-sharing archive, 25 and later an ahead-of-time cache named by their version. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "17.0.15 | chameleon-cds.jsa    | -XX:ArchiveClassesAtExit"
                    + " | -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile",
            "25.0.3  | chameleon-25.0.3.aot | -XX:AOTCacheOutput | -Xlog:aot=off -Xlog:cds=off -XX:AOTCache"})
    void javaHomesJdkRecordsItsKindOfArchiveOnceAndMapsIt(String version, String archiveName, String record,
                                                           String map) throws Exception {
        Path app = fakeJvmBuild();
        Path jdk = fakeJdk(version);
        Map<String, String> env = Map.of("CHAMELEON_APP", app.toString(), "JAVA_HOME", jdk.toString());

        launch(LAUNCHER, env, "--version");
        launch(LAUNCHER, env, "show_status");

        String archive = app.resolve(archiveName).toString();
        String jar = app.resolve("quarkus-run.jar").toString();
        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        assertThat(calls).hasSize(3);
        assertThat(calls.get(0)).matches(record + "=" + archive + "\\.\\d+ -XX:TieredStopAtLevel=1"
                + " -XX:\\+UseSerialGC -jar " + jar + " rehearse_replica_start");
        String mapped = map + "=" + archive + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar " + jar;
        assertThat(calls.subList(1, 3)).containsExactly(mapped + " --version", mapped + " show_status");
        try (Stream<Path> files = Files.list(app)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("quarkus-run.jar",
                    archiveName);
        }
        assertThat(Files.readString(Path.of(archive))).isEqualTo("recorded\n");
    }

    @Test
    void recordsAndMapsTheArchiveByTheBuildsRealPathWhenCalledThroughALink() throws Exception {
        // an archive records its class path: recorded through a link removed later, it could not be mapped at all
        Path app = fakeJvmBuild();
        Path link = Files.createSymbolicLink(scratch.resolve("linked-app"), app);
        Path jdk = fakeJdk("17.0.15");

        ProgramRun run = launch(LAUNCHER, Map.of("CHAMELEON_APP", link.toString(), "JAVA_HOME", jdk.toString()),
                "--version");

        assertThat(run.err()).as(run.toString()).isEqualTo("chameleon: JVM build " + app + "\n");
        List<String> calls = Files.readAllLines(jdk.resolve("calls"));
        assertThat(calls).hasSize(2)
                .allSatisfy(call -> assertThat(call).contains(" -jar " + app.resolve("quarkus-run.jar")));
        assertThat(calls.get(1)).contains("-XX:SharedArchiveFile=" + app.resolve("chameleon-cds.jsa"));
    }

    @Test
    void refusesAJavaHomeOlderThan17NamingIt() throws Exception {
        Path app = fakeJvmBuild();
        Path jdk = fakeJdk("1.8.0_412");

        ProgramRun run = launch(LAUNCHER, Map.of("CHAMELEON_APP", app.toString(), "JAVA_HOME", jdk.toString()),
                "--version");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).endsWith("chameleon: " + jdk.resolve("bin/java") + " is Java 1.8.0_412; the JVM build"
                + " needs Java 17 or later: point JAVA_HOME at a JDK 17+ (or unset it to use the java on PATH)\n");
        assertThat(jdk.resolve("calls")).doesNotExist();
    }

    /** A JVM build's directory holding only the launcher's entry point (the fake JDKs never read it). */
    private Path fakeJvmBuild() throws Exception {
        Path app = Files.createDirectories(scratch.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "not read");
        return app.toRealPath();
    }

    /**
     * A JDK whose release file names this version and whose java appends its arguments to the file calls beside
     * release, and writes "recorded" where it is asked to record an archive or a cache.
     */
    private Path fakeJdk(String version) throws Exception {
        Path jdk = Files.createDirectories(scratch.resolve("jdk-" + version));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"fake\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\" >> \"" + jdk.resolve("calls") + "\"\nfor a in \"$@\"; do\n"
                + "  case $a in -XX:ArchiveClassesAtExit=*|-XX:AOTCacheOutput=*) echo recorded > \"${a#*=}\";; esac\n"
                + "done\n");
        java.toFile().setExecutable(true);
        return jdk;
    }

    /** A copy of the launcher in scratch/scripts, so that scratch/target is the source tree's target. */
    private Path sourceTreeLauncher() throws Exception {
        Path copy = Files.createDirectories(scratch.resolve("scripts")).resolve("chameleon");
        Files.copy(LAUNCHER, copy);
        return copy;
    }

    private ProgramRun launch(Path launcher, Map<String, String> environment, String... args) throws Exception {
        assertThat(APP.resolve("quarkus-run.jar")).as("packaged application (run 'package' first)").exists();
        Map<String, String> env = new HashMap<>();
        env.put("CHAMELEON_BIN", null);
        env.put("CHAMELEON_APP", null);
        env.put("JAVA_HOME", null); // the java on PATH, whatever JDK runs the build
        env.putAll(environment);
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        return ProgramRun.run(command, env, Files.createDirectories(scratch.resolve("runs")));
    }
}
