package io.chameleon.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a private PostgreSQL from this machine's binaries in a fresh temp dir on a free port. As root, initdb and
 * postgres run as OS user {@code postgres} (they refuse root), so the temp dir is handed to that user.
 */
public final class LocalPostgres {

    static final String OS_USER = "postgres";
    static final String SUPERUSER = "postgres";
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private LocalPostgres() {
    }

    static boolean binariesAvailable() {
        return Binaries.postgresBinDir().isPresent();
    }

    /** A new, independent instance; the caller stops it (a shutdown hook does so at the latest). */
    public static PostgresServer start() {
        return start(null);
    }

    /**
     * As {@link #start()}; with {@code certs}, {@code ssl=on} with their server certificate and only
     * {@code hostssl} lines in pg_hba.conf (plain TCP connections are refused).
     */
    public static PostgresServer start(TestCertificates certs) {
        Path bin = Binaries.postgresBinDir().orElseThrow(() -> new ServerException(
                "PostgreSQL initdb/postgres/pg_ctl not found on PATH, /usr/lib/postgresql/<version>/bin or via "
                        + "pg_config --bindir. " + TestServers.HOW_TO_PROVIDE));
        Path dir = ScratchDir.create("chameleon-pg-");
        long started = System.nanoTime();
        try {
            if (OsUser.isRoot()) {
                ScratchDir.giveTo(dir, OS_USER);
            }
            Path data = dir.resolve("data");
            String password = GeneratedPassword.create();
            initdb(bin, dir, data, password);
            List<String> tlsSettings = certs == null ? List.of() : tlsOnly(dir, data, certs);
            for (int attempt = 1; ; attempt++) {
                int port = FreePort.find();
                Endpoint endpoint = new Endpoint("127.0.0.1", port, SUPERUSER, password);
                ServerProcess process = ServerProcess.start("postgres on port " + port,
                        OsUser.runAs(OS_USER, command(bin, data, dir, port, tlsSettings)),
                        dir.resolve("postgres-" + port + ".log"));
                try {
                    awaitReady(process, endpoint, certs != null);
                } catch (ServerException e) {
                    boolean crashed = !process.isAlive();
                    process.kill(); // still starting up, nothing to shut down cleanly
                    if (attempt < PORT_ATTEMPTS && process.logContains("Address already in use")) {
                        continue; // another process took the port between our probe and the server's bind
                    }
                    throw crashed ? e : new ServerException(e.getMessage() + "\n" + process.logTailSection(), e);
                }
                log("PostgreSQL started on 127.0.0.1:" + port + " in " + (System.nanoTime() - started) / 1_000_000
                        + " ms (dir " + dir + ")");
                ShutdownHooks.Registration hook = ShutdownHooks.register(() -> shutDown(process, bin, data, dir));
                return new PostgresServer(endpoint, dir, hook::runNow, certs != null);
            }
        } catch (RuntimeException e) {
            discard(dir);
            throw e;
        }
    }

    /**
     * Stops a private server started by {@link #start()} the way an operator restarts PostgreSQL (fast shutdown:
     * sessions are disconnected), keeping its data dir for {@link #startAgain}.
     */
    public static void stopKeepingData(PostgresServer server) {
        Path dir = server.scratchDir().orElseThrow(() -> new ServerException(server + " is not a private server"));
        Path bin = Binaries.postgresBinDir().orElseThrow();
        ServerProcess.run("pg_ctl stop", OsUser.runAs(OS_USER, List.of(bin.resolve("pg_ctl").toString(), "-D",
                dir.resolve("data").toString(), "stop", "-m", "fast", "-w", "-t",
                String.valueOf(STOP_TIMEOUT.toSeconds()))), dir.resolve("pg_ctl-stop.log"),
                STOP_TIMEOUT.plusSeconds(5));
    }

    /** Starts a server stopped by {@link #stopKeepingData} again, on the same port with the same data. */
    public static void startAgain(PostgresServer server) {
        Path dir = server.scratchDir().orElseThrow(() -> new ServerException(server + " is not a private server"));
        Path bin = Binaries.postgresBinDir().orElseThrow();
        ServerProcess process = ServerProcess.start("postgres on port " + server.port(), OsUser.runAs(OS_USER,
                command(bin, dir.resolve("data"), dir, server.port(), List.of())),
                dir.resolve("postgres-" + server.port() + ".log"));
        awaitReady(process, new Endpoint(server.host(), server.port(), server.user(), server.password()), false);
        // the shutdown hook registered by start() stops it: pg_ctl stop finds the server by its data dir
    }

    /** C.UTF-8 keeps sorting byte-wise but allows UTF-8 text; older systems lack it, so fall back to no locale. */
    private static void initdb(Path bin, Path dir, Path data, String password) {
        Path passwordFile = dir.resolve("superuser.pw");
        try {
            Files.writeString(passwordFile, password + "\n");
            if (OsUser.isRoot()) {
                ScratchDir.giveTo(passwordFile, OS_USER);
            }
            try {
                runInitdb(bin, data, passwordFile, "--locale=C.UTF-8", dir.resolve("initdb.log"));
            } catch (ServerException noCUtf8) {
                ScratchDir.delete(data);
                try {
                    runInitdb(bin, data, passwordFile, "--no-locale", dir.resolve("initdb-no-locale.log"));
                } catch (ServerException e) {
                    e.addSuppressed(noCUtf8);
                    throw e;
                }
            }
        } catch (IOException e) {
            throw new ServerException("Could not write the PostgreSQL password file " + passwordFile, e);
        } finally {
            ScratchDir.delete(passwordFile);
        }
    }

    private static void runInitdb(Path bin, Path data, Path passwordFile, String locale, Path log) {
        List<String> command = List.of(bin.resolve("initdb").toString(),
                "-D", data.toString(),
                "-U", SUPERUSER,
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                "--pwfile=" + passwordFile,
                "-E", "UTF8",
                locale,
                "--no-sync"); // nothing to protect: the cluster is deleted after the run
        ServerProcess.run("initdb (" + locale + ")", OsUser.runAs(OS_USER, command), log, INITDB_TIMEOUT);
    }

    /** Server certificate files for postgres (its own, key 0600) and a pg_hba.conf of hostssl lines only. */
    private static List<String> tlsOnly(Path dir, Path data, TestCertificates certs) {
        try {
            Path cert = Files.copy(certs.serverCert(), dir.resolve("server.crt"));
            Path key = Files.copy(certs.serverKey(), dir.resolve("server.key"));
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Path hba = data.resolve("pg_hba.conf");
            Files.writeString(hba, "local all all trust\n"
                    + "hostssl all all 127.0.0.1/32 scram-sha-256\n"
                    + "hostssl all all ::1/128 scram-sha-256\n");
            if (OsUser.isRoot()) {
                for (Path file : List.of(cert, key, hba)) {
                    ScratchDir.giveTo(file, OS_USER);
                }
            }
            return List.of("ssl=on", "ssl_cert_file=" + cert, "ssl_key_file=" + key);
        } catch (IOException e) {
            throw new ServerException("Could not set up TLS for PostgreSQL in " + dir, e);
        }
    }

    private static List<String> command(Path bin, Path data, Path socketDir, int port, List<String> extra) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(),
                "-D", data.toString(),
                "-p", String.valueOf(port),
                "-k", socketDir.toString()));
        for (String setting : List.of("listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off",
                "full_page_writes=off", "max_connections=200",
                // whole replay statements in pg_stat_activity, for the report of a test that waited in vain
                "track_activity_query_size=32768")) {
            command.add("-c");
            command.add(setting);
        }
        for (String setting : extra) {
            command.add("-c");
            command.add(setting);
        }
        return command;
    }

    private static void awaitReady(ServerProcess process, Endpoint endpoint, boolean tls) {
        PostgresServer probe = new PostgresServer(endpoint, null, () -> { }, tls);
        Deadline.await("Waiting for PostgreSQL on port " + endpoint.port() + " to accept connections", START_TIMEOUT,
                process::exitReason, () -> {
                    try (Connection connection = probe.connect(null)) {
                        return connection.isValid(5);
                    }
                });
    }

    /**
     * pg_ctl's fast shutdown disconnects clients and stops at once; signalling our child would only reach runuser,
     * which kills postgres hard after a delay.
     */
    private static void shutDown(ServerProcess process, Path bin, Path data, Path dir) {
        try {
            ServerProcess.run("pg_ctl stop", OsUser.runAs(OS_USER, List.of(bin.resolve("pg_ctl").toString(),
                    "-D", data.toString(), "stop", "-m", "fast", "-w", "-t", String.valueOf(STOP_TIMEOUT.toSeconds()))),
                    dir.resolve("pg_ctl-stop.log"), STOP_TIMEOUT.plusSeconds(5));
        } catch (ServerException e) {
            System.err.println("[chameleon-test] " + e.getMessage());
        }
        if (!process.awaitExit(STOP_TIMEOUT)) {
            process.kill();
        }
        discard(dir);
    }

    private static void discard(Path dir) {
        if (TestEnvironment.keep()) {
            log("keeping PostgreSQL dir " + dir);
        } else {
            ScratchDir.delete(dir);
        }
    }

    private static void log(String message) {
        System.err.println("[chameleon-test] " + message);
    }
}
