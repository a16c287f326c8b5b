package io.chameleon.config;

/**
 * The configuration reference ({@code docs/configuration.md}), generated from {@link ConfigKeys} so it always
 * says what the validator checks.
 */
public final class ConfigReferenceDoc {

    /** What {@code bad_value_policy} does with each kind of value; kept beside the key table it explains. */
    private static final String BAD_VALUES = """

            ## Values PostgreSQL cannot hold (`bad_value_policy`)

            Each value is decided on its own, the same way by the copy (`init_replica`, `sync_tables`,
            `refresh_schema`) and by the stream. Every value set to NULL and every row left out is recorded in the
            catalogue's `discarded_row` table (table, column, the reason with the original value, the whole source
            row with its key, and the binlog position, empty for the copy); `show_errors --bad-values` lists them
            and `show_errors` says how many there are.

            | value | example | `null` (default) | `discard` | `error` |
            | --- | --- | --- | --- | --- |
            | zero date, datetime or timestamp | `0000-00-00`, `0000-00-00 00:00:00` | NULL, recorded | row left out, recorded | stops |
            | partial date (a zero month or day) | `2024-00-15`, `2024-02-00 10:00:00` | NULL, recorded | row left out, recorded | stops |
            | TIME, any (-838:59:59.999999 to 838:59:59.999999) | `838:59:59`, `-00:00:00.5`, `25:00:00` | kept: TIME maps to `interval(n)` | kept | kept |
            | NUL character in text, `\\u0000` in JSON | `a\\0b` | NULL, recorded | row left out, recorded | stops |
            | bytes not valid in the column's character set, malformed spatial data | | NULL, recorded | row left out, recorded | stops |
            | enum value outside the labels, unknown set member, BIT wider than declared | `''` (MySQL's invalid enum) | NULL, recorded | row left out, recorded | stops |

            Under `null`, date, datetime and timestamp columns that are NOT NULL in MySQL are created nullable in
            PostgreSQL (MySQL keeps zero dates in NOT NULL columns whatever its `sql_mode` says today: the mode is per
            session), except the columns of the primary key or replica key, which stay NOT NULL; a bad value in a
            NOT NULL column (a key column, or a NOT NULL text column holding invalid bytes) leaves its row out as
            under `discard`. Under `discard` and `error` every column keeps its NOT NULL. pg_chameleon writes zero
            dates as NULL too (and fails on NOT NULL columns), so its configuration files, which have no
            `bad_value_policy`, get its behaviour without that failure.

            TIME is a duration in MySQL; PostgreSQL's `time` holds only 00:00:00 to 24:00:00, so TIME columns become
            `interval(n)` (which prints 10:00:00 as `10:00:00`). `type_override` to `time` (one entry per MySQL
            column type, e.g. `"time"` and `"time(3)"`) gives pg_chameleon's mapping back; values outside a day then
            follow `bad_value_policy` (reason `time_out_of_range`).

            Replicas copied by an earlier chameleon keep their `time` columns and their NOT NULL dates: the stream
            now writes such values as above, which those columns refuse (a replay error, handled by
            `on_error_replay`).
            Re-copy the tables (`sync_tables`), or keep the former behaviour with `bad_value_policy: discard` and
            `type_override` of `time` to `time`.
            """;

    /** What retention and maintenance keys remove, and when. */
    private static final String MAINTENANCE = """

            ## Schema mappings after `add_source`

            `add_source` stores `schema_mappings` in the catalogue, whose mappings are in force from then on: the copy,
            the stream, `show_status` and the conflict checks follow them. A file edited since is reported by every
            command that reads both, with the command that applies it: `update_schema_mappings --source S`.

            ## Retention and maintenance (`batch_retention`, `error_retention`, `auto_maintenance`)

            | what | kept for | removed by |
            | --- | --- | --- |
            | change-log rows | until their partition is fully replayed | the replay (each minute), `run_maintenance`, `auto_maintenance` |
            | replayed batch records (`log_batch`) | `batch_retention` after replay | the replay (each minute), `run_maintenance`, `auto_maintenance` |
            | replay errors, discarded-row records (`show_errors`) | `error_retention`; for ever when `disabled` (default) | `run_maintenance`, `auto_maintenance` |

            `run_maintenance --source S` removes the above, then runs `VACUUM (ANALYZE)` on each catalogue table but
            the change log (its partitions are dropped whole, so they hold no dead rows), and prints the figures
            before and after. It locks nothing the reader or the replay needs, so the replica keeps running.
            `--full` uses `VACUUM FULL`, which holds each table's lock while rewriting it and skips a table it
            cannot lock within 2 s. `auto_maintenance` (a PostgreSQL interval such as `'1 day'`, as in pg_chameleon)
            makes the running replica do the same, never `--full`, whenever the interval has passed since the last
            pass of either (recorded in the catalogue, so it survives restarts); `disabled` (default) turns it off.
            """;

    private ConfigReferenceDoc() {
    }

    public static String markdown() {
        StringBuilder text = new StringBuilder()
                .append("# Configuration reference\n\n")
                .append("<!-- Generated from io.chameleon.config.ConfigKeys; do not edit by hand. Regenerate with\n")
                .append("     ./mvnw test -Dtest=ConfigReferenceDocTest -Dchameleon.regenerateDocs=true -->\n\n")
                .append("Chameleon reads pg_chameleon's YAML configuration files unchanged. `*` in a key stands\n")
                .append("for a ")
                .append("source name. Text values may use `${ENV_NAME}` or `${ENV_NAME:-default}` to read the\n")
                .append("environment, e.g. for passwords. Keys of origin `chameleon` are our additions; pg_chameleon\n")
                .append("ignores them. Required `mysql sources`: must be written for `type: mysql` sources, while\n")
                .append("`type: pgsql` sources (copy only) fall back to the default shown.\n\n")
                .append("| key | value | required | default | description | origin |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ConfigKey<?> key : ConfigKeys.all()) {
            text.append("| `").append(key.path()).append("` | ")
                    .append(cell(key.kind().summary())).append(" | ")
                    .append(key.requirement().label()).append(" | ")
                    .append(key.defaultValue() == null ? "" : "`" + key.defaultValue() + "`").append(" | ")
                    .append(cell(key.description())).append(" | ")
                    .append(key.origin().label()).append(" |\n");
        }
        return text.append(BAD_VALUES).append(MAINTENANCE).toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
