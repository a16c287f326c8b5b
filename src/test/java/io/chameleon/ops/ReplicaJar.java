package io.chameleon.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application's {@code start_replica --foreground} as a child process, the way a service manager runs
 * it: its own JVM, its own configuration, output appended to a log file. {@link #kill9()} is SIGKILL.
 */
final class ReplicaJar implements AutoCloseable {

    static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private final String running;
    private final String standingBy;
    private final Process process;
    private final Path log;
    private final long logStart;
    private volatile long peakRssKb;
    private final Thread sampler;

    private ReplicaJar(Process process, Path log, long logStart, String source) {
        this.running = "Replica of source " + source + " running";
        this.standingBy = "Replica of source " + source + " standing by";
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.sampler = new Thread(this::sampleRss, "rss-sampler-" + process.pid());
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts {@code start_replica --foreground --source shop} with extra JVM options (e.g. {@code -Xmx256m}). */
    static ReplicaJar start(Path config, Path log, String... jvmOptions) throws IOException {
        return startSource("shop", config, log, jvmOptions);
    }

    /** The same for another source of the configuration. */
    static ReplicaJar startSource(String source, Path config, Path log, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", APP.toString(), "start_replica", "--foreground", "--config", config.toString(),
                "--source", source));
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new ReplicaJar(process, log, logStart, source);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until this run printed that it replicates; fails with its output when it died or took too long. */
    ReplicaJar awaitRunning(Duration timeout) throws Exception {
        return awaitOutput(running, timeout);
    }

    /** Waits until this run printed that it stands by for another process of its source. */
    ReplicaJar awaitStandby(Duration timeout) throws Exception {
        return awaitOutput(standingBy, timeout);
    }

    /** Whether this run has become the active process of its source (it printed so). */
    boolean active() {
        return output().contains(running);
    }

    private ReplicaJar awaitOutput(String expected, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!output().contains(expected)) {
            if (!process.isAlive()) {
                throw new AssertionError("the replica exited with " + process.exitValue() + ":\n" + output());
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the replica did not print '" + expected + "' within " + timeout + ":\n"
                        + output());
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** kill -9: no shutdown hook, no last write; waits until the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("pid " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** Waits for the process to end by itself (after stop_replica, or a failure). */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the replica did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** The kernel's high-water mark of the process's resident memory (VmHWM), sampled every 50 ms. */
    long peakRssKb() {
        return peakRssKb;
    }

    /** What this run printed (the log file may hold earlier runs too). */
    String output() {
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) Math.min(logStart, all.length), (int) Math.max(0, all.length - logStart),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }

    private void sampleRss() {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                Thread.sleep(50);
            } catch (IOException | RuntimeException e) {
                return; // the process ended between two samples
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
