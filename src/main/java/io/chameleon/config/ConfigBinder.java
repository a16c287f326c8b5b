package io.chameleon.config;

import static io.chameleon.config.ConfigKeys.*;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the configuration records from validated values; runs only when validation found no problem. */
final class ConfigBinder {

    private ConfigBinder() {
    }

    static ChameleonConfig bind(Path file, ValidatedValues values) {
        Map<String, SourceConfig> sources = new LinkedHashMap<>();
        for (String name : values.sourceNames()) {
            sources.put(name, source(name, values));
        }
        PgConnectionConfig pgConn = new PgConnectionConfig(values.get(PG_HOST), values.get(PG_PORT),
                values.get(PG_USER), new Secret(values.get(PG_PASSWORD)), values.get(PG_DATABASE),
                values.get(PG_CHARSET), values.get(PG_SSLMODE), new TlsFiles(values.get(PG_SSLROOTCERT),
                values.get(PG_SSLCERT), values.get(PG_SSLKEY)));
        return new ChameleonConfig(file, values.get(PID_DIR), values.get(LOG_DIR), values.get(LOG_DEST),
                values.get(LOG_LEVEL), values.get(LOG_DAYS_KEEP).intValue(), new Secret(values.get(ROLLBAR_KEY)),
                values.get(ROLLBAR_ENV), values.get(CATALOGUE_SCHEMA), values.get(TYPE_OVERRIDE),
                values.get(FILLFACTOR), pgConn, sources, values.get(HEALTH_ADDRESS),
                values.get(ROLLBAR_ENDPOINT), new Secret(values.get(NOTIFICATION_WEBHOOK)));
    }

    private static SourceConfig source(String name, ValidatedValues values) {
        SourceType type = values.get(SOURCE_TYPE, name);
        String database = values.get(DB_DATABASE, name);
        MySqlConnectionConfig dbConn = new MySqlConnectionConfig(values.get(DB_HOST, name), values.get(DB_PORT, name),
                values.get(DB_USER, name), new Secret(values.get(DB_PASSWORD, name)), values.get(DB_CHARSET, name),
                values.get(DB_CONNECT_TIMEOUT, name).intValue(), type == SourceType.PGSQL ? database : null,
                values.get(DB_SSL_MODE, name), new TlsFiles(values.get(DB_SSL_CA, name), values.get(DB_SSL_CERT, name),
                values.get(DB_SSL_KEY, name)), values.get(DB_ALLOW_PUBLIC_KEY_RETRIEVAL, name));
        SkipEvents skipEvents = new SkipEvents(values.get(SKIP_INSERT, name), values.get(SKIP_UPDATE, name),
                values.get(SKIP_DELETE, name));
        return new SourceConfig(name, type, dbConn, values.get(SCHEMA_MAPPINGS, name), values.get(LIMIT_TABLES, name),
                values.get(SKIP_TABLES, name), values.get(GRANT_SELECT_TO, name), values.get(LOCK_TIMEOUT, name),
                values.get(MY_SERVER_ID, name), values.get(REPLICA_BATCH_SIZE, name).intValue(),
                values.get(REPLAY_MAX_ROWS, name).intValue(), values.get(BATCH_RETENTION, name),
                values.get(COPY_MAX_MEMORY, name), values.get(COPY_MODE, name), values.get(OUT_DIR, name),
                values.get(SLEEP_LOOP, name).intValue(), values.get(ON_ERROR_REPLAY, name),
                values.get(ON_ERROR_READ, name), values.get(AUTO_MAINTENANCE, name), values.get(GTID_ENABLE, name),
                skipEvents, values.get(KEEP_EXISTING_SCHEMA, name), values.get(NET_READ_TIMEOUT, name).intValue(),
                values.get(COPY_WORKERS, name).intValue(), values.get(COPY_SPLIT_ROWS, name),
                values.get(BAD_VALUE_POLICY, name),
                values.get(HEALTH_PORT, name), values.get(READY_MAX_LAG, name).intValue(),
                values.get(AUTO_RESYNC_PURGED_BINLOG, name), values.get(ERROR_RETENTION, name));
    }
}
