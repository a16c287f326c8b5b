package io.chameleon.cli;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.chameleon.capture.binlog.BinlogEventDeserializers;
import io.chameleon.config.ConfigLoader;
import io.chameleon.health.ReplicaRegistry;
import io.chameleon.metrics.MetricsEndpoint;
import io.chameleon.ops.ReplicaComponents;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run of the launcher's class-data-sharing archive (scripts/chameleon): walks what a replica process
 * does at its start, without any database, so that the archive holds the classes both JVMs of a start_replica load.
 * It boots the Quarkus runtime as the replica does (health and metrics on a free loopback port, see
 * {@link RuntimeSelector}), binds a replica's health checks and meters and requests both endpoints once, lets both
 * JDBC drivers and the binlog client fail to connect to a loopback port nobody listens on, and loads and links
 * every class of this application, of the drivers, of the binlog client and of jackson-databind. Measured in
 * docs/benchmarks.md (issue 18). Hidden from the help: it is of no use to anyone but the launcher.
 */
@NeedsRuntime
@Command(name = "rehearse_replica_start", hidden = true,
        description = "Walk a replica's start without databases (the launcher's class-data-sharing training).")
public class RehearseReplicaStartCommand extends Subcommand implements Callable<Integer> {

    /** The catalogue schema of the rehearsal's metrics: the connection is refused before it matters. */
    private static final String CATALOGUE = "chameleon_catalogue";

    @Inject
    ReplicaRegistry registry;

    @Inject
    MetricsEndpoint metrics;

    @Parameters(arity = "0..1", paramLabel = "CONFIG",
            description = "A configuration file to load as every command does (e.g. the example).")
    Path exampleConfig;

    @Override
    public Integer call() throws Exception {
        if (exampleConfig != null) {
            ConfigLoader.load(exampleConfig, name -> "rehearsal");
        }
        int closed = freePort(); // and nobody listens there
        ReplicaComponents components = new ReplicaComponents("rehearsal", 30);
        PostgresConnector postgres = new PostgresConnector(
                new PostgresEndpoint("127.0.0.1", closed, "chameleon", null, "chameleon"), "chameleon");
        if (registry != null) {
            registry.register(components);
            metrics.bind(components, postgres, CATALOGUE); // a scrape reads the catalogue: refused, gauges empty
            String port = System.getProperty("quarkus.http.port"); // RuntimeSelector's choice
            for (String path : new String[] {"/q/health/live", "/q/health/ready", "/q/health", "/q/metrics"}) {
                request("http://127.0.0.1:" + port + path);
            }
        }
        refused(() -> postgres.connect().close());
        refused(() -> {
            Properties props = new Properties();
            props.setProperty("user", "chameleon");
            new com.mysql.cj.jdbc.Driver().connect("jdbc:mysql://127.0.0.1:" + closed + "/?connectTimeout=2000",
                    props);
        });
        BinaryLogClient binlog = new BinaryLogClient("127.0.0.1", closed, "chameleon", "");
        binlog.setEventDeserializer(BinlogEventDeserializers.create());
        binlog.setKeepAlive(false);
        binlog.setConnectTimeout(2000);
        refused(binlog::connect);
        linkAll(RehearseReplicaStartCommand.class, "io/chameleon/");
        linkAll(org.postgresql.Driver.class, "org/postgresql/");
        linkAll(com.mysql.cj.jdbc.Driver.class, "com/mysql/cj/", "com/mysql/cj/x/", "com/mysql/cj/xdevapi/",
                "com/mysql/cj/protocol/x/");
        linkAll(BinaryLogClient.class, "com/github/shyiko/");
        // the configuration's binding: what it does not link is loaded again from the jar by every command
        linkAll(com.fasterxml.jackson.databind.ObjectMapper.class, "com/fasterxml/jackson/databind/");
        return 0;
    }

    /** A loopback port nobody listens on: the system's pick, released at once. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static void request(String url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.getResponseCode(); // 503 from the readiness check of a replica that is not running is fine
        try (InputStream body = connection.getErrorStream() != null ? connection.getErrorStream()
                : connection.getInputStream()) {
            body.readAllBytes();
        }
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Exception;
    }

    private static void refused(Attempt attempt) {
        try {
            attempt.run();
        } catch (Exception expected) {
            // nobody listens: the driver's connection path is what was wanted
        }
    }

    /**
     * Loads and links the classes of the jar (or directory) that holds {@code anchor} whose names start with
     * {@code prefix} but none of {@code excluded}: the archive keeps only the classes of this class loader that
     * were linked, and most of what the replica uses of this application and of the drivers (the paths of a
     * connection that succeeds) is out of reach without servers.
     */
    private static void linkAll(Class<?> anchor, String prefix, String... excluded) throws Exception {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                names = files.map(f -> location.relativize(f).toString()).toList();
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                names = jar.stream().map(JarEntry::getName).toList();
            }
        }
        for (String name : names) {
            if (name.startsWith(prefix) && name.endsWith(".class") && !name.endsWith("module-info.class")
                    && Stream.of(excluded).noneMatch(name::startsWith)) {
                try {
                    // reflection links the class without running its static initialiser
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false,
                            anchor.getClassLoader()).getDeclaredFields();
                } catch (ClassNotFoundException | LinkageError notUsable) {
                    // an optional dependency is absent: the replica does not load this class either
                }
            }
        }
    }
}
