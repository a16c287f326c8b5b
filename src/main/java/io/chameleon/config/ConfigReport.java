package io.chameleon.config;

import io.chameleon.output.TextTable;

import io.chameleon.config.kind.EnumKind;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text for {@code show_config} and {@code show_sources}. Secrets are always printed as {@link Secret#MASK}. */
public final class ConfigReport {

    private ConfigReport() {
    }

    /** Global and pg_conn keys, then type overrides and fillfactor, then every source. */
    public static String showConfig(ChameleonConfig config) {
        PgConnectionConfig pg = config.pgConn();
        TextTable globals = new TextTable("key", "value")
                .row("pid_dir", config.pidDir())
                .row("log_dir", config.logDir())
                .row("log_dest", EnumKind.word(config.logDest()))
                .row("log_level", EnumKind.word(config.logLevel()))
                .row("log_days_keep", config.logDaysKeep())
                .row("rollbar_key", masked(config.rollbarKey()))
                .row("rollbar_env", config.rollbarEnv())
                .row("rollbar_endpoint", config.rollbarEndpoint())
                .row("notification_webhook", masked(config.notificationWebhook()))
                .row("catalogue_schema", config.catalogueSchema())
                .row("health_address", config.healthAddress())
                .row("pg_conn.host", pg.host())
                .row("pg_conn.port", pg.port())
                .row("pg_conn.user", pg.user())
                .row("pg_conn.password", masked(pg.password()))
                .row("pg_conn.database", pg.database())
                .row("pg_conn.charset", pg.charset())
                .row("pg_conn.sslmode", pg.sslMode().libpqWord());
        tlsFiles(globals, "pg_conn.", "sslrootcert", "sslcert", "sslkey", pg.tls());
        StringBuilder text = new StringBuilder("Configuration ").append(config.file()).append("\n\n")
                .append(globals.render());
        TextTable overrides = new TextTable("type_override", "override_to", "override_tables");
        config.typeOverrides().forEach((type, override) ->
                overrides.row(type, override.overrideTo(), String.join(", ", override.tables())));
        text.append('\n').append(config.typeOverrides().isEmpty() ? "type_override: none\n" : overrides.render());
        if (!config.fillfactor().isEmpty()) {
            TextTable fillfactor = new TextTable("fillfactor", "tables");
            config.fillfactor().forEach((value, tables) -> fillfactor.row(value, String.join(", ", tables)));
            text.append('\n').append(fillfactor.render());
        }
        return text.append('\n').append(showSources(config)).toString();
    }

    /** The certificate and key files, only those set. */
    private static void tlsFiles(TextTable table, String prefix, String ca, String cert, String key, TlsFiles tls) {
        if (tls.ca() != null) {
            table.row(prefix + ca, tls.ca());
        }
        if (tls.cert() != null) {
            table.row(prefix + cert, tls.cert());
        }
        if (tls.key() != null) {
            table.row(prefix + key, tls.key());
        }
    }

    /** For each source, its parameters and db_conn keys. */
    public static String showSources(ChameleonConfig config) {
        return config.sources().values().stream().map(ConfigReport::showSource).collect(Collectors.joining("\n"));
    }

    /** One source's parameters and db_conn keys. */
    public static String showSource(SourceConfig source) {
        return "Source " + source.name() + "\n" + sourceTable(source).render();
    }

    private static TextTable sourceTable(SourceConfig source) {
        MySqlConnectionConfig db = source.dbConn();
        TextTable table = new TextTable("key", "value")
                .row("type", EnumKind.word(source.type()))
                .row("db_conn.host", db.host())
                .row("db_conn.port", db.port())
                .row("db_conn.user", db.user())
                .row("db_conn.password", masked(db.password()))
                .row("db_conn.charset", db.charset())
                .row("db_conn.connect_timeout", db.connectTimeoutSeconds());
        if (db.database() != null) {
            table.row("db_conn.database", db.database());
        }
        if (source.type() == SourceType.MYSQL) {
            table.row("db_conn.ssl_mode", EnumKind.word(db.sslMode()))
                    .row("db_conn.allow_public_key_retrieval", db.allowPublicKeyRetrieval());
            tlsFiles(table, "db_conn.", "ssl_ca", "ssl_cert", "ssl_key", db.tls());
        }
        return table
                .row("schema_mappings", mappings(source.schemaMappings()))
                .row("limit_tables", list(source.limitTables()))
                .row("skip_tables", list(source.skipTables()))
                .row("grant_select_to", list(source.grantSelectTo()))
                .row("lock_timeout", source.lockTimeout())
                .row("my_server_id", source.myServerId())
                .row("replica_batch_size", source.replicaBatchSize())
                .row("replay_max_rows", source.replayMaxRows())
                .row("batch_retention", source.batchRetention())
                .row("copy_max_memory", source.copyMaxMemoryBytes() + " bytes")
                .row("copy_mode", EnumKind.word(source.copyMode()))
                .row("out_dir", source.outDir())
                .row("sleep_loop", source.sleepLoopSeconds())
                .row("on_error_replay", EnumKind.word(source.onErrorReplay()))
                .row("on_error_read", EnumKind.word(source.onErrorRead()))
                .row("auto_maintenance", source.autoMaintenance().orElse("disabled"))
                .row("gtid_enable", source.gtidEnable())
                .row("skip_events.insert", list(source.skipEvents().insert()))
                .row("skip_events.update", list(source.skipEvents().update()))
                .row("skip_events.delete", list(source.skipEvents().delete()))
                .row("keep_existing_schema", source.keepExistingSchema())
                .row("net_read_timeout", source.netReadTimeoutSeconds())
                .row("copy_workers", source.copyWorkers())
                .row("copy_split_rows", source.copySplitRows())
                .row("bad_value_policy", EnumKind.word(source.badValuePolicy()))
                .row("health_port", source.healthPort())
                .row("ready_max_lag", source.readyMaxLagSeconds())
                .row("auto_resync_purged_binlog", source.autoResyncPurgedBinlog())
                .row("error_retention", source.errorRetention().orElse("disabled"));
    }

    private static String masked(Secret secret) {
        return secret.isEmpty() ? "" : Secret.MASK;
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "-" : String.join(", ", items);
    }

    private static String mappings(Map<String, String> mappings) {
        return mappings.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
