package io.chameleon.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Starts a private MariaDB from this machine's binaries in a fresh temp dir on a free port. */
public final class LocalMariaDb {

    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int PORT_ATTEMPTS = 3;

    private LocalMariaDb() {
    }

    static boolean binariesAvailable() {
        return Binaries.find("mariadbd", "mysqld").isPresent()
                && Binaries.find("mariadb-install-db", "mysql_install_db").isPresent();
    }

    /** A new, independent instance; the caller stops it (a shutdown hook does so at the latest). */
    public static MariaDbServer start() {
        return start(null, List.of());
    }

    /**
     * As {@link #start()}, with TLS from {@code certs} (server certificate and CA) and
     * {@code require_secure_transport=ON} when given, and extra server options (e.g.
     * {@code --binlog-format=STATEMENT}).
     */
    public static MariaDbServer start(TestCertificates certs, List<String> extraOptions) {
        Path server = Binaries.find("mariadbd", "mysqld").orElseThrow(() -> missing("mariadbd"));
        Path installer = Binaries.find("mariadb-install-db", "mysql_install_db")
                .orElseThrow(() -> missing("mariadb-install-db"));
        Path dir = ScratchDir.create("chameleon-mariadb-");
        long started = System.nanoTime();
        try {
            install(installer, dir);
            String password = GeneratedPassword.create();
            Path initFile = dir.resolve("init.sql");
            Files.write(initFile, MariaDbAccount.setupStatements(password).stream().map(s -> s + ";").toList());
            int serverId = ThreadLocalRandom.current().nextInt(1_000, 1_000_000);
            for (int attempt = 1; ; attempt++) {
                int port = FreePort.find();
                Endpoint endpoint = new Endpoint("127.0.0.1", port, MariaDbAccount.USER, password);
                ServerProcess process = ServerProcess.start("mariadbd on port " + port,
                        command(server, dir, port, serverId, initFile, certs, extraOptions),
                        dir.resolve("mariadbd-" + port + ".log"));
                try {
                    awaitReady(process, endpoint, certs != null);
                } catch (ServerException e) {
                    boolean crashed = !process.isAlive();
                    process.terminate(STOP_TIMEOUT);
                    if (attempt < PORT_ATTEMPTS && process.logContains("Address already in use")) {
                        continue; // another process took the port between our probe and the server's bind
                    }
                    throw crashed ? e : new ServerException(e.getMessage() + "\n" + process.logTailSection(), e);
                }
                log("MariaDB started on 127.0.0.1:" + port + " in " + (System.nanoTime() - started) / 1_000_000
                        + " ms (dir " + dir + ")");
                ShutdownHooks.Registration hook = ShutdownHooks.register(() -> shutDown(process, dir));
                return new MariaDbServer(endpoint, dir, hook::runNow, certs != null);
            }
        } catch (IOException e) {
            discard(dir);
            throw new ServerException("Could not prepare MariaDB in " + dir, e);
        } catch (RuntimeException e) {
            discard(dir);
            throw e;
        }
    }

    private static void install(Path installer, Path dir) {
        List<String> command = new ArrayList<>(List.of(installer.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal",
                "--skip-test-db",
                "--skip-name-resolve"));
        if (OsUser.isRoot()) {
            command.add("--user=root");
        }
        ServerProcess.run("mariadb-install-db", command, dir.resolve("install.log"), INSTALL_TIMEOUT);
    }

    private static List<String> command(Path server, Path dir, int port, int serverId, Path initFile,
                                        TestCertificates certs, List<String> extraOptions) {
        List<String> command = new ArrayList<>(List.of(server.toString(), "--no-defaults")); // must come first
        if (OsUser.isRoot()) {
            command.add("--user=root");
        }
        command.addAll(List.of(
                "--datadir=" + dir.resolve("data"),
                "--tmpdir=" + dir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"),
                "--log-error=" + dir.resolve("mariadbd-" + port + ".log"),
                "--init-file=" + initFile,
                "--log-bin=mysql-bin",
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--server-id=" + serverId,
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--skip-name-resolve",
                "--max-connections=200",
                // small and fast: durability is worthless for a throw-away server
                "--innodb-buffer-pool-size=128M",
                "--innodb-log-file-size=32M",
                "--innodb-flush-log-at-trx-commit=2",
                "--innodb-doublewrite=0",
                "--sync-binlog=0",
                "--performance-schema=OFF"));
        if (certs != null) {
            command.addAll(List.of("--ssl-ca=" + certs.caCert(), "--ssl-cert=" + certs.serverCert(),
                    "--ssl-key=" + certs.serverKey(), "--require-secure-transport=ON"));
        }
        command.addAll(extraOptions); // last: they override the defaults above
        return command;
    }

    private static void awaitReady(ServerProcess process, Endpoint endpoint, boolean tls) {
        MariaDbServer probe = new MariaDbServer(endpoint, null, () -> { }, tls);
        Deadline.await("Waiting for MariaDB on port " + endpoint.port() + " to accept connections", START_TIMEOUT,
                process::exitReason, () -> {
                    try (Connection connection = probe.connect(null)) {
                        return connection.isValid(5);
                    }
                });
    }

    private static void shutDown(ServerProcess process, Path dir) {
        process.terminate(STOP_TIMEOUT); // SIGTERM is mariadbd's clean shutdown
        discard(dir);
    }

    private static void discard(Path dir) {
        if (TestEnvironment.keep()) {
            log("keeping MariaDB dir " + dir);
        } else {
            ScratchDir.delete(dir);
        }
    }

    private static ServerException missing(String binary) {
        return new ServerException(binary + " not found on PATH, /usr/sbin or /usr/local/sbin. "
                + TestServers.HOW_TO_PROVIDE);
    }

    private static void log(String message) {
        System.err.println("[chameleon-test] " + message);
    }
}
