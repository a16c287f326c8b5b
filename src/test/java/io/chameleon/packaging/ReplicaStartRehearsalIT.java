package io.chameleon.packaging;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hidden rehearse_replica_start, the launcher's class-data-sharing training (scripts/chameleon): it runs without
 * any database, writes nothing but the archive (JDK 17) or the ahead-of-time cache (JDK 25) the JVM is asked for,
 * and that then serves the classes of a replica's start (the runtime, the drivers, the binlog client). The packaged
 * build, run as the launcher runs it.
 */
class ReplicaStartRehearsalIT {

    private static final Path APP = Path.of("target", "quarkus-app").toAbsolutePath();
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Path EXAMPLE = Path.of("src", "main", "resources", "config-example.yml").toAbsolutePath();

    @TempDir
    Path scratch;

    @Test
    void recordsTheArchiveWithoutDatabasesAndWritesNothingElse() throws Exception {
        Path archive = scratch.resolve("archive/chameleon-cds.jsa");
        Files.createDirectories(archive.getParent());

        ProgramRun run = rehearse("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(archive).isNotEmptyFile();
        // Vert.x makes its (empty) file cache directory in java.io.tmpdir at every boot, the replica's too
        assertThat(written()).containsExactlyInAnyOrder("archive/chameleon-cds.jsa", "tmp/vertx-cache");
    }

    @Test
    void theArchiveServesWhatTheReplicaStartLoads() throws Exception {
        Path archive = scratch.resolve("chameleon-cds.jsa");
        assertThat(rehearse("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                .exitCode()).isZero();

        ProgramRun again = rehearse("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:class+load=info");

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(
                "io.vertx.core.impl.VertxImpl source: shared objects file (top)",
                "io.micrometer.prometheus.PrometheusMeterRegistry source: shared objects file (top)",
                "org.postgresql.core.v3.ConnectionFactoryImpl source: shared objects file (top)",
                "com.mysql.cj.protocol.a.NativeProtocol source: shared objects file (top)",
                "com.github.shyiko.mysql.binlog.BinaryLogClient source: shared objects file (top)",
                "io.chameleon.replay.ReplayWorker source: shared objects file (top)");
    }

    @Test
    void onJdk25TheAheadOfTimeCacheIsAllItWritesAndServesWhatTheReplicaStartLoads() throws Exception {
        Path java = jdk25OrLater().resolve("bin/java");
        Path cache = scratch.resolve("archive/chameleon.aot");
        Files.createDirectories(cache.getParent());

        ProgramRun run = rehearse(java, "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(written()).containsExactlyInAnyOrder("archive/chameleon.aot", "tmp/vertx-cache");
        ProgramRun again = rehearse(java, "-XX:AOTCache=" + cache, "-Xlog:class+load=info");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains(
                "io.vertx.core.impl.VertxImpl source: shared objects file",
                "org.postgresql.core.v3.ConnectionFactoryImpl source: shared objects file",
                "com.github.shyiko.mysql.binlog.BinaryLogClient source: shared objects file",
                "io.chameleon.replay.ReplayWorker source: shared objects file");
    }

    @Test
    void isHiddenFromTheHelp() throws Exception {
        ProgramRun help = ProgramRun.run(List.of("java", "-jar", APP.resolve("quarkus-run.jar").toString(), "--help"),
                Map.of(), Files.createDirectories(scratch.resolve("runs")));

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).contains("start_replica").doesNotContain("rehearse");
    }

    private ProgramRun rehearse(String... jvmOptions) throws Exception {
        return rehearse(Path.of("java"), jvmOptions);
    }

    private ProgramRun rehearse(Path java, String... jvmOptions) throws Exception {
        assertThat(APP.resolve("quarkus-run.jar")).as("packaged application (run 'package' first)").exists();
        Path cwd = Files.createDirectories(scratch.resolve("cwd"));
        Path tmp = Files.createDirectories(scratch.resolve("tmp"));
        Path home = Files.createDirectories(scratch.resolve("home"));
        List<String> command = Stream.of(Stream.of(java.toString()), Stream.of(jvmOptions),
                Stream.of("-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                        APP.resolve("quarkus-run.jar").toString(), "rehearse_replica_start", EXAMPLE.toString()))
                .flatMap(s -> s).toList();
        return ProgramRun.run(command, Map.of("HOME", home.toString()), Files.createDirectories(scratch.resolve("runs")),
                cwd);
    }

    /** A JDK 25 or later under /usr/lib/jvm (these machines have Temurin 25 there); the test is skipped without. */
    private static Path jdk25OrLater() throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> jdks = Files.list(jvms)) {
                for (Path jdk : jdks.sorted().toList()) {
                    Path release = jdk.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
                        Matcher version = JAVA_VERSION.matcher(Files.readString(release));
                        if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
                            return jdk;
                        }
                    }
                }
            }
        }
        Assumptions.abort("no JDK 25 or later under /usr/lib/jvm");
        return null;
    }

    /** Files and empty directories under scratch, but the directories made here and the runs' output. */
    private List<String> written() throws Exception {
        List<Path> made = Stream.of("cwd", "tmp", "home", "archive", "runs").map(scratch::resolve).toList();
        try (Stream<Path> files = Files.walk(scratch)) {
            return files.filter(f -> !f.equals(scratch) && !f.startsWith(scratch.resolve("runs")) && !made.contains(f))
                    .filter(f -> !Files.isDirectory(f) || isEmptyDirectory(f))
                    .map(f -> scratch.relativize(f).toString()).toList();
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
