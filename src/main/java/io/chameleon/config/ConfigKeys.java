package io.chameleon.config;

import io.chameleon.config.kind.BooleanKind;
import io.chameleon.config.kind.DurationKind;
import io.chameleon.config.kind.EnumKind;
import io.chameleon.config.kind.FileKind;
import io.chameleon.config.kind.IdentifierKind;
import io.chameleon.config.kind.IntegerKind;
import io.chameleon.config.kind.IntervalKind;
import io.chameleon.config.kind.IntervalOrDisabledKind;
import io.chameleon.config.kind.ListItemFormat;
import io.chameleon.config.kind.PathKind;
import io.chameleon.config.kind.PortKind;
import io.chameleon.config.kind.SectionKind;
import io.chameleon.config.kind.SizeKind;
import io.chameleon.config.kind.StringListKind;
import io.chameleon.config.kind.StringMapKind;
import io.chameleon.config.kind.TextKind;
import io.chameleon.config.kind.ValueKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key, in the order of the reference documentation. pg_chameleon's keys keep its meaning and
 * required-ness; ours are marked {@link KeyOrigin#CHAMELEON}. Adding a key is one declaration here; the
 * validator, the documentation and {@code show_config} pick it up.
 */
public final class ConfigKeys {

    private static final List<ConfigKey<?>> REGISTRY = new ArrayList<>();

    private static final ValueKind<String> TEXT = new TextKind();
    private static final ValueKind<Path> DIRECTORY = new PathKind();
    private static final ValueKind<Path> FILE = new FileKind();
    private static final ValueKind<Integer> PORT = new PortKind();
    private static final ValueKind<Long> POSITIVE = new IntegerKind(1, Integer.MAX_VALUE);
    private static final ValueKind<Boolean> BOOLEAN = new BooleanKind();
    private static final ValueKind<Boolean> SECTION = new SectionKind(false, "indent its keys below it");

    // Globals
    public static final ConfigKey<Path> PID_DIR = pg("pid_dir", DIRECTORY).required("~/.pg_chameleon/pid/")
            .describe("Directory for the pid files of running replicas");
    public static final ConfigKey<Path> LOG_DIR = pg("log_dir", DIRECTORY).required("~/.pg_chameleon/logs/")
            .describe("Directory for the log files");
    public static final ConfigKey<LogDestination> LOG_DEST = pg("log_dest", new EnumKind<>(LogDestination.class))
            .required("file").describe("Where logs go: daily-rotated files in log_dir, or stdout (runs in foreground)");
    public static final ConfigKey<LogLevel> LOG_LEVEL = pg("log_level", new EnumKind<>(LogLevel.class))
            .required("info").describe("Logging verbosity");
    public static final ConfigKey<Long> LOG_DAYS_KEEP = pg("log_days_keep", POSITIVE).required("10")
            .describe("Number of daily log files kept");
    public static final ConfigKey<String> ROLLBAR_KEY = pg("rollbar_key", TEXT)
            .requirement(Requirement.REQUIRED_MAY_BE_EMPTY, "''").secret()
            .describe("Rollbar access token; alerts are sent only when rollbar_key and rollbar_env are both set");
    public static final ConfigKey<String> ROLLBAR_ENV = pg("rollbar_env", TEXT)
            .requirement(Requirement.REQUIRED_MAY_BE_EMPTY, "''").describe("Rollbar environment name");
    public static final ConfigKey<String> ROLLBAR_ENDPOINT = ours("rollbar_endpoint", TEXT)
            .defaultValue("https://api.rollbar.com/api/1/item/")
            .describe("Rollbar item API the alerts are posted to (a self-hosted or test receiver)");
    public static final ConfigKey<String> NOTIFICATION_WEBHOOK = ours("notification_webhook", TEXT).secret()
            .describe("URL receiving every alert as a JSON POST (event, level, source, message, details), with or"
                    + " without Rollbar; empty sends none. Kept secret: webhook URLs often carry a token");
    public static final ConfigKey<String> CATALOGUE_SCHEMA = ours("catalogue_schema", new IdentifierKind())
            .defaultValue("chameleon_catalogue").describe("PostgreSQL schema holding the replica catalogue");
    public static final ConfigKey<Map<String, TypeOverride>> TYPE_OVERRIDE = pg("type_override",
            new TypeOverrideKind()).describe("Replace the default PostgreSQL type of a MySQL column type, per table");
    public static final ConfigKey<Map<Integer, List<String>>> FILLFACTOR = pg("fillfactor", new FillfactorKind())
            .describe("Create the listed tables WITH (fillfactor=N), for tables with heavy updates");

    // Target
    public static final ConfigKey<Boolean> PG_CONN = pg("pg_conn", SECTION).required(null)
            .describe("Connection to the target PostgreSQL database");
    public static final ConfigKey<String> PG_HOST = pg("pg_conn.host", TEXT).required("localhost")
            .describe("PostgreSQL host name or address");
    public static final ConfigKey<Integer> PG_PORT = pg("pg_conn.port", PORT).required("5432")
            .describe("PostgreSQL port");
    public static final ConfigKey<String> PG_USER = pg("pg_conn.user", TEXT).required("usr_replica")
            .describe("PostgreSQL user owning the replicated schemas");
    public static final ConfigKey<String> PG_PASSWORD = pg("pg_conn.password", TEXT).required(null).secret()
            .describe("Password of the PostgreSQL user; write ${ENV_NAME} to read it from the environment");
    public static final ConfigKey<String> PG_DATABASE = pg("pg_conn.database", TEXT).required("db_replica")
            .describe("Target PostgreSQL database");
    public static final ConfigKey<String> PG_CHARSET = pg("pg_conn.charset", TEXT).required("utf8")
            .describe("Client encoding of the PostgreSQL connection");
    public static final ConfigKey<PgSslMode> PG_SSLMODE = ours("pg_conn.sslmode", new EnumKind<>(PgSslMode.class))
            .defaultValue("prefer")
            .describe("TLS to PostgreSQL for every connection (catalogue, copy, replay), as libpq's sslmode: disable;"
                    + " allow; prefer (TLS when offered, certificate unchecked); require; verify-ca (certificate"
                    + " signed by sslrootcert, or the Java trust store without it); verify-full (and naming the host)");
    public static final ConfigKey<Path> PG_SSLROOTCERT = ours("pg_conn.sslrootcert", FILE)
            .describe("PEM file of the authorities trusted to sign PostgreSQL's certificate (verify-ca, verify-full)");
    public static final ConfigKey<Path> PG_SSLCERT = ours("pg_conn.sslcert", FILE)
            .describe("PEM client certificate, for pg_hba.conf lines with clientcert or cert authentication");
    public static final ConfigKey<Path> PG_SSLKEY = ours("pg_conn.sslkey", FILE)
            .describe("Private key of sslcert: unencrypted PKCS#8 (BEGIN PRIVATE KEY, PEM or DER); convert others with"
                    + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");

    // Sources
    public static final ConfigKey<Boolean> SOURCES = pg("sources",
            new SectionKind(false, "name at least one source and indent its keys below the name")).required(null)
            .describe("The sources to replicate, each under a name of your choice");
    public static final ConfigKey<Boolean> SOURCE = pg("sources.*", SECTION).describe("One source");
    public static final ConfigKey<SourceType> SOURCE_TYPE = pg("sources.*.type", new EnumKind<>(SourceType.class))
            .required("mysql").describe("Kind of source server; pgsql sources can only be copied, not replicated");
    public static final ConfigKey<Boolean> DB_CONN = pg("sources.*.db_conn", SECTION).required(null)
            .describe("Connection to the source server");
    public static final ConfigKey<String> DB_HOST = pg("sources.*.db_conn.host", TEXT).required("localhost")
            .describe("Source host name or address");
    public static final ConfigKey<Integer> DB_PORT = pg("sources.*.db_conn.port", PORT).required("3306")
            .describe("Source port");
    public static final ConfigKey<String> DB_USER = pg("sources.*.db_conn.user", TEXT).required("usr_replica")
            .describe("Source user, with replication privileges");
    public static final ConfigKey<String> DB_PASSWORD = pg("sources.*.db_conn.password", TEXT).required(null)
            .secret().describe("Password of the source user; write ${ENV_NAME} to read it from the environment");
    public static final ConfigKey<String> DB_CHARSET = pg("sources.*.db_conn.charset", TEXT).required("utf8")
            .describe("Connection character set, also used when copying rows");
    public static final ConfigKey<Long> DB_CONNECT_TIMEOUT = pg("sources.*.db_conn.connect_timeout", POSITIVE)
            .required("10").describe("Seconds to wait for the source connection");
    public static final ConfigKey<SslMode> DB_SSL_MODE = ours("sources.*.db_conn.ssl_mode",
            new EnumKind<>(SslMode.class)).defaultValue("preferred")
            .describe("TLS to the source, for queries and the binlog stream: disabled; preferred (TLS when the server"
                    + " offers it, certificate unchecked); required; verify-ca or verify-identity (certificate signed"
                    + " by ssl_ca, or the Java trust store without it; verify-identity also checks the host name)");
    public static final ConfigKey<Path> DB_SSL_CA = ours("sources.*.db_conn.ssl_ca", FILE)
            .describe("PEM file of the authorities trusted to sign the source's certificate (verify-ca,"
                    + " verify-identity)");
    public static final ConfigKey<Path> DB_SSL_CERT = ours("sources.*.db_conn.ssl_cert", FILE)
            .describe("PEM client certificate, for accounts created with REQUIRE X509 or SUBJECT");
    public static final ConfigKey<Path> DB_SSL_KEY = ours("sources.*.db_conn.ssl_key", FILE)
            .describe("Private key of ssl_cert: unencrypted PKCS#8 (BEGIN PRIVATE KEY, PEM or DER); convert others"
                    + " with openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    public static final ConfigKey<Boolean> DB_ALLOW_PUBLIC_KEY_RETRIEVAL = ours(
            "sources.*.db_conn.allow_public_key_retrieval", BOOLEAN).defaultValue("false")
            .describe("Let a caching_sha2_password login (MySQL 8 default) without TLS ask the server for its RSA key"
                    + " to encrypt the password; a man in the middle could answer instead, so prefer ssl_mode"
                    + " required. Without TLS or this, MySQL refuses such a login with 'Public Key Retrieval is not"
                    + " allowed' until the user has logged in once over TLS since the server started");
    public static final ConfigKey<String> DB_DATABASE = pg("sources.*.db_conn.database", TEXT)
            .requirement(Requirement.REQUIRED_FOR_PGSQL, "db_source").describe("Database to copy from (pgsql sources)");
    public static final ConfigKey<Map<String, String>> SCHEMA_MAPPINGS = pg("sources.*.schema_mappings",
            new StringMapKind("mysql_database: postgresql_schema")).required(null)
            .describe("Map each MySQL database to a PostgreSQL schema");
    public static final ConfigKey<List<String>> LIMIT_TABLES = pg("sources.*.limit_tables",
            new StringListKind(ListItemFormat.SCHEMA_TABLE)).requirement(Requirement.REQUIRED_MAY_BE_EMPTY, null)
            .describe("Replicate only these tables (schema.table); empty means every table of the mapped databases");
    public static final ConfigKey<List<String>> SKIP_TABLES = pg("sources.*.skip_tables",
            new StringListKind(ListItemFormat.SCHEMA_TABLE)).requirement(Requirement.REQUIRED_MAY_BE_EMPTY, null)
            .describe("Never replicate these tables (schema.table); applied after limit_tables");
    public static final ConfigKey<List<String>> GRANT_SELECT_TO = pg("sources.*.grant_select_to",
            new StringListKind(ListItemFormat.NAME)).requirement(Requirement.REQUIRED_MAY_BE_EMPTY, null)
            .describe("PostgreSQL roles given read access to the replicated schemas");
    public static final ConfigKey<String> LOCK_TIMEOUT = pg("sources.*.lock_timeout", new DurationKind())
            .required("\"120s\"").describe("PostgreSQL lock_timeout while swapping schemas at the end of a copy");
    public static final ConfigKey<Long> MY_SERVER_ID = pg("sources.*.my_server_id", new IntegerKind(1, 4294967295L))
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "100").defaultValue("100")
            .describe("Server id shown to MySQL by the binlog reader; unique in the MySQL topology");
    public static final ConfigKey<Long> REPLICA_BATCH_SIZE = pg("sources.*.replica_batch_size", POSITIVE)
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "10000").defaultValue("10000")
            .describe("Row events buffered in memory before they are written to the log table");
    public static final ConfigKey<Long> REPLAY_MAX_ROWS = pg("sources.*.replay_max_rows", POSITIVE)
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "10000").defaultValue("10000")
            .describe("Row events replayed per PostgreSQL transaction");
    public static final ConfigKey<String> BATCH_RETENTION = pg("sources.*.batch_retention", new IntervalKind())
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "'1 day'").defaultValue("1 day")
            .describe("How long replayed batches are kept in the catalogue (PostgreSQL interval)");
    public static final ConfigKey<Long> COPY_MAX_MEMORY = pg("sources.*.copy_max_memory", new SizeKind())
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "\"300M\"").defaultValue("300M")
            .describe("Memory for one slice of a table copy: bytes, or a number with k, M or G");
    public static final ConfigKey<CopyMode> COPY_MODE = pg("sources.*.copy_mode", new EnumKind<>(CopyMode.class))
            .required("file").describe("Accepted for pg_chameleon compatibility: chameleon always streams rows"
                    + " straight into COPY (binary where every column allows), never through files, whichever value is set");
    public static final ConfigKey<Path> OUT_DIR = pg("sources.*.out_dir", DIRECTORY).required("/tmp")
            .describe("Directory pg_chameleon uses for file copies (required for compatibility; chameleon writes no"
                    + " files there)");
    public static final ConfigKey<Long> SLEEP_LOOP = pg("sources.*.sleep_loop", POSITIVE)
            .requirement(Requirement.REQUIRED_FOR_MYSQL, "1").defaultValue("1")
            .describe("Seconds between two read cycles and between two replay cycles");
    public static final ConfigKey<ErrorPolicy> ON_ERROR_REPLAY = pg("sources.*.on_error_replay",
            new EnumKind<>(ErrorPolicy.class)).requirement(Requirement.REQUIRED_FOR_MYSQL, "continue")
            .defaultValue("exit")
            .describe("When a replayed statement fails: continue (that table leaves the replica) or exit");
    public static final ConfigKey<ErrorPolicy> ON_ERROR_READ = pg("sources.*.on_error_read",
            new EnumKind<>(ErrorPolicy.class)).defaultValue("exit")
            .describe("When the source cannot be reached at the start of a read cycle: continue (retry) or exit");
    public static final ConfigKey<Optional<String>> AUTO_MAINTENANCE = pg("sources.*.auto_maintenance",
            new IntervalOrDisabledKind()).defaultValue("disabled")
            .describe("Interval between two automatic run_maintenance passes of the running replica (without --full),"
                    + " or disabled");
    public static final ConfigKey<Optional<String>> ERROR_RETENTION = ours("sources.*.error_retention",
            new IntervalOrDisabledKind()).defaultValue("disabled")
            .describe("How long replay errors and discarded-row records (show_errors) are kept before maintenance"
                    + " deletes them (PostgreSQL interval), or disabled to keep them");
    public static final ConfigKey<Boolean> GTID_ENABLE = pg("sources.*.gtid_enable", BOOLEAN).defaultValue("false")
            .describe("Resume the binlog stream by GTID (MariaDB GTID position, MySQL GTID set with gtid_mode=ON) rather"
                    + " than by file coordinates, so another server of the topology can take over; needed for"
                    + " start_replica --from-gtid");
    public static final ConfigKey<Boolean> SKIP_EVENTS = pg("sources.*.skip_events",
            new SectionKind(true, "indent insert, update and delete below it"))
            .describe("Row events dropped at read time, per kind");
    public static final ConfigKey<List<String>> SKIP_INSERT = skipEvents("insert");
    public static final ConfigKey<List<String>> SKIP_UPDATE = skipEvents("update");
    public static final ConfigKey<List<String>> SKIP_DELETE = skipEvents("delete");
    public static final ConfigKey<Boolean> KEEP_EXISTING_SCHEMA = pg("sources.*.keep_existing_schema", BOOLEAN)
            .defaultValue("false")
            .describe("Reload the existing PostgreSQL tables in place at init_replica, refresh_schema and sync_tables"
                    + " instead of recreating them: truncated and copied, their keys, indexes and foreign keys"
                    + " dropped around the load and re-created as they were; no grants; copy_schema refuses");
    public static final ConfigKey<Long> NET_READ_TIMEOUT = pg("sources.*.net_read_timeout", POSITIVE)
            .defaultValue("600").describe("MySQL net_read_timeout (seconds) of the copy connections");

    // Our additions for the copy and the replica process
    public static final ConfigKey<Long> COPY_WORKERS = ours("sources.*.copy_workers", new IntegerKind(0, 64))
            .defaultValue("0").describe("Tables copied at once by init_replica, sync_tables and refresh_schema; "
                    + "0 means one per CPU core");
    public static final ConfigKey<Long> COPY_SPLIT_ROWS = ours("sources.*.copy_split_rows",
            new IntegerKind(0, 1_000_000_000_000L)).defaultValue("100000")
            .describe("A table estimated above this many rows, with an integer first key column, is copied as key "
                    + "ranges by several readers sharing one snapshot; 0 never splits a table");
    public static final ConfigKey<BadValuePolicy> BAD_VALUE_POLICY = ours("sources.*.bad_value_policy",
            new EnumKind<>(BadValuePolicy.class, BadValuePolicy.NULL)).defaultValue("null")
            .describe("A value PostgreSQL cannot hold (zero or partial date, NUL in text, bytes invalid in the column's"
                    + " charset, an unknown enum or set member): null (the value becomes NULL and the row is kept;"
                    + " date, datetime and timestamp columns outside the replica key are created nullable; a value"
                    + " of a NOT NULL column discards its row), discard (the row is left out), or error (stop)."
                    + " Every nulled value and discarded row is recorded in the catalogue's discarded_row table, listed"
                    + " by show_errors --bad-values. TIME is mapped to interval, which holds all of MySQL's TIME"
                    + " range");
    public static final ConfigKey<Boolean> AUTO_RESYNC_PURGED_BINLOG = ours("sources.*.auto_resync_purged_binlog",
            BOOLEAN).defaultValue("false")
            .describe("When the binlog the replica needs was purged from the source, copy the whole source again"
                    + " (as init_replica does) inside the replica process and resume replication from the new copy,"
                    + " instead of stopping in error; at most once per process start, recorded in show_errors"
                    + " (SQLSTATE 01000). Changes logged but not replayed before the purge are dropped: the copy"
                    + " replaces them");
    public static final ConfigKey<String> HEALTH_ADDRESS = ours("health_address", TEXT).defaultValue("127.0.0.1")
            .describe("Address the replica process serves its health checks on (/q/health/live, /q/health/ready)");
    public static final ConfigKey<Integer> HEALTH_PORT = ours("sources.*.health_port", PORT).defaultValue("8740")
            .describe("Port of the replica process's health checks; give each source on a host its own");
    public static final ConfigKey<Long> READY_MAX_LAG = ours("sources.*.ready_max_lag", POSITIVE)
            .defaultValue("300").describe("Seconds of replay lag above which the replica reports itself not ready");

    private ConfigKeys() {
    }

    /** Every key, in declaration order. */
    public static List<ConfigKey<?>> all() {
        return List.copyOf(REGISTRY);
    }

    private static <T> KeyBuilder<T> pg(String path, ValueKind<T> kind) {
        return new KeyBuilder<>(REGISTRY, path, kind, KeyOrigin.PG_CHAMELEON);
    }

    private static <T> KeyBuilder<T> ours(String path, ValueKind<T> kind) {
        return new KeyBuilder<>(REGISTRY, path, kind, KeyOrigin.CHAMELEON);
    }

    private static ConfigKey<List<String>> skipEvents(String eventKind) {
        return pg("sources.*.skip_events." + eventKind, new StringListKind(ListItemFormat.SCHEMA_OR_TABLE))
                .describe("Drop " + eventKind + " events of these schemas or schema.table names");
    }
}
