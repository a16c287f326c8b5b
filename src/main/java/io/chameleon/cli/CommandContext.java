package io.chameleon.cli;

import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.LoadedConfig;
import io.chameleon.config.PgConnectionConfig;
import io.chameleon.error.StateException;
import io.chameleon.error.UsageException;
import io.chameleon.notify.NotificationLevel;
import io.chameleon.notify.Notifier;
import io.chameleon.ops.ThisProcess;
import io.chameleon.postgres.PostgresConnector;
import io.chameleon.postgres.PostgresEndpoint;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** What a command needs from the global options: the loaded configuration and the target database. */
final class CommandContext {

    private final String configName;
    private final String sourceName;
    private final boolean debug;
    private final NotificationLevel rollbarLevel;
    private LoadedConfig loaded;

    CommandContext(String configName, String sourceName, boolean debug, NotificationLevel rollbarLevel) {
        this.configName = configName;
        this.sourceName = sourceName;
        this.debug = debug;
        this.rollbarLevel = rollbarLevel == null ? NotificationLevel.INFO : rollbarLevel;
    }

    /**
     * Where this command's alerts go (rollbar_key/rollbar_env, notification_webhook, --rollbar-level); close it
     * when the command ends so that queued alerts get out.
     */
    Notifier notifier(PrintWriter err) {
        return Notifier.of(config(err), rollbarLevel, ThisProcess.host());
    }

    boolean debug() {
        return debug;
    }

    String configName() {
        return configName;
    }

    /** The configuration, loaded once; its warnings go to {@code err}. */
    ChameleonConfig config(PrintWriter err) {
        if (loaded == null) {
            loaded = ConfigLoader.load(configName);
            printedWarnings().forEach(err::println);
            err.flush();
        }
        return loaded.config();
    }

    /** The lines {@link #config} printed: the configuration's warnings (none before it ran). */
    List<String> printedWarnings() {
        return loaded == null ? List.of() : loaded.warnings().stream().map(w -> "WARNING: " + w).toList();
    }

    /** The --source value, required by the command named. */
    String requireSource(String command) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new UsageException(command + " needs --source NAME");
        }
        return sourceName;
    }

    /** The --source value, or null when not given. */
    String sourceOrNull() {
        return sourceName;
    }

    PostgresConnector postgres(PrintWriter err, String action) {
        PgConnectionConfig pg = config(err).pgConn();
        PostgresEndpoint endpoint = new PostgresEndpoint(pg.host(), pg.port(), pg.user(),
                pg.password() == null ? null : pg.password().reveal(), pg.database(), pg.sslMode(), pg.tls());
        return new PostgresConnector(endpoint, "chameleon " + action);
    }

    /** Runs work against the catalogue, which must exist at the version this build expects. */
    <T> T withCurrentCatalogue(PrintWriter err, String action, CatalogueWork<T> work) {
        return withCatalogue(err, action, (catalogue, sources) -> {
            catalogue.requireCurrent();
            return work.run(catalogue, sources);
        });
    }

    /** Runs work against the catalogue whatever its state (create, upgrade, drop, enable). */
    <T> T withCatalogue(PrintWriter err, String action, CatalogueWork<T> work) {
        ChameleonConfig config = config(err);
        try (Connection connection = postgres(err, action).connect()) {
            Catalogue catalogue = new Catalogue(connection, config.catalogueSchema(), configName);
            return work.run(catalogue, new SourceRepository(connection, config.catalogueSchema()));
        } catch (SQLException e) {
            throw new StateException("catalogue work failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface CatalogueWork<T> {
        T run(Catalogue catalogue, SourceRepository sources) throws SQLException;
    }
}
