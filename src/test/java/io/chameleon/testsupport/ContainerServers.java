package io.chameleon.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** Testcontainers fallback, used only when neither env vars nor local binaries provide a server. */
final class ContainerServers {

    private static final String MARIADB_IMAGE = "mariadb:10.11";
    private static final String POSTGRES_IMAGE = "postgres:15";
    private static final int MARIADB_PORT = 3306;
    private static final int POSTGRES_PORT = 5432;

    private ContainerServers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static MariaDbServer mariadb() {
        requireDocker();
        String rootPassword = GeneratedPassword.create();
        MariaDBContainer container = new ConnectorJMariaDbContainer(DockerImageName.parse(MARIADB_IMAGE))
                .withPassword(rootPassword) // the image also sets it as root's password
                .withCommand(
                        "--log-bin=mysql-bin",
                        "--binlog-format=ROW",
                        "--binlog-row-image=FULL",
                        "--binlog-row-metadata=FULL",
                        "--server-id=" + (1_000 + (System.nanoTime() & 0xFFFF)),
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_general_ci",
                        "--skip-name-resolve",
                        "--max-connections=200",
                        "--innodb-buffer-pool-size=128M",
                        "--innodb-flush-log-at-trx-commit=2");
        start(container, MARIADB_IMAGE);
        String host = container.getHost();
        int port = container.getMappedPort(MARIADB_PORT);
        String password = GeneratedPassword.create();
        new MariaDbServer(new Endpoint(host, port, "root", rootPassword), null, () -> { })
                .execute(null, MariaDbAccount.setupStatements(password).toArray(String[]::new));
        ShutdownHooks.Registration hook = ShutdownHooks.register(container::stop);
        return new MariaDbServer(new Endpoint(host, port, MariaDbAccount.USER, password), null, hook::runNow);
    }

    static PostgresServer postgres() {
        requireDocker();
        String password = GeneratedPassword.create();
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE))
                .withUsername(LocalPostgres.SUPERUSER)
                .withPassword(password)
                .withCommand("postgres",
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off",
                        "-c", "max_connections=200");
        start(container, POSTGRES_IMAGE);
        ShutdownHooks.Registration hook = ShutdownHooks.register(container::stop);
        return new PostgresServer(new Endpoint(container.getHost(), container.getMappedPort(POSTGRES_PORT),
                LocalPostgres.SUPERUSER, password), null, hook::runNow);
    }

    private static void requireDocker() {
        if (!dockerAvailable()) {
            throw new ServerException("Testcontainers cannot reach a Docker engine. " + TestServers.HOW_TO_PROVIDE);
        }
    }

    private static void start(GenericContainer<?> container, String image) {
        try {
            container.start();
        } catch (RuntimeException e) {
            String logs;
            try {
                logs = container.getLogs();
            } catch (RuntimeException noLogs) {
                logs = "(no container logs: " + noLogs.getMessage() + ")";
            }
            try {
                container.stop();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new ServerException("Could not start a container from image " + image + ": " + e.getMessage()
                    + "\n--- container log ---\n" + tail(logs) + "\n--- end of log ---", e);
        }
    }

    private static String tail(String logs) {
        var lines = logs.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /**
     * Testcontainers waits by connecting through the container's JDBC driver; the MariaDB driver is not on our
     * classpath, so wait (and connect) with MySQL Connector/J, which the application uses.
     */
    private static final class ConnectorJMariaDbContainer extends MariaDBContainer {

        ConnectorJMariaDbContainer(DockerImageName image) {
            super(image);
        }

        @Override
        public String getDriverClassName() {
            return "com.mysql.cj.jdbc.Driver";
        }

        @Override
        public String getJdbcUrl() {
            return "jdbc:mysql://" + getHost() + ":" + getMappedPort(MARIADB_PORT) + "/" + getDatabaseName()
                    + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        }
    }
}
