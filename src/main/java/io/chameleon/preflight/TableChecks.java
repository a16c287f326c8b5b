package io.chameleon.preflight;

import io.chameleon.config.SourceConfig;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** The tables to replicate: a usable key each, and the column types mapped with loss or by policy. */
final class TableChecks {

    private static final String AREA = "mysql";
    private static final int LISTED = 5;
    static final Set<MySqlType> SPATIAL = EnumSet.of(MySqlType.GEOMETRY, MySqlType.POINT, MySqlType.LINESTRING,
            MySqlType.POLYGON, MySqlType.MULTIPOINT, MySqlType.MULTILINESTRING, MySqlType.MULTIPOLYGON,
            MySqlType.GEOMETRYCOLLECTION);
    private static final Set<MySqlType> DATES = EnumSet.of(MySqlType.DATE, MySqlType.DATETIME, MySqlType.TIMESTAMP);

    private TableChecks() {
    }

    static List<CheckResult> run(List<SourceTable> tables, ServerVariables variables, SourceConfig source,
                                 boolean postgis, java.util.Map<String, TypeOverride> overrides) {
        List<CheckResult> results = new ArrayList<>();
        results.add(CheckResult.ok(AREA, "tables", tables.size() + " to replicate"));
        results.add(keys(tables, source));
        results.add(zeroDates(tables, variables, source));
        results.add(time(tables, overrides));
        results.add(spatial(tables, postgis));
        List<String> unknown = columns(tables, c -> c.type() == MySqlType.UNKNOWN);
        if (!unknown.isEmpty()) {
            results.add(CheckResult.warn(AREA, "unknown types", listed(unknown), "these tables are copied without "
                    + "the columns chameleon cannot map, or skipped; map the type with type_override or list the "
                    + "tables in skip_tables"));
        }
        return results;
    }

    private static CheckResult keys(List<SourceTable> tables, SourceConfig source) {
        List<String> keyless = tables.stream().filter(t -> t.replicaKey().isEmpty()).map(SourceTable::qualifiedName)
                .toList();
        return keyless.isEmpty() ? CheckResult.ok(AREA, "keys", "every table has a primary key or a unique key on "
                + "NOT NULL columns")
                : CheckResult.fail(AREA, "keys", "no usable key: " + listed(keyless), "row changes of a table without"
                + " a primary key (or a unique key on NOT NULL columns) cannot be applied, so it is copied but not"
                + " replicated: add one (ALTER TABLE t ADD PRIMARY KEY (...)) or add the table to sources."
                + source.name() + ".skip_tables");
    }

    private static CheckResult zeroDates(List<SourceTable> tables, ServerVariables variables, SourceConfig source) {
        List<String> dated = columns(tables, c -> DATES.contains(c.type()));
        String sqlMode = variables.getOrDefault("sql_mode", "").toUpperCase(Locale.ROOT);
        boolean strict = sqlMode.contains("STRICT_TRANS_TABLES") || sqlMode.contains("STRICT_ALL_TABLES");
        boolean zeroAllowed = !(strict && sqlMode.contains("NO_ZERO_DATE") && sqlMode.contains("NO_ZERO_IN_DATE"));
        if (dated.isEmpty() || !zeroAllowed) {
            return CheckResult.ok(AREA, "zero dates", dated.isEmpty() ? "no date columns"
                    : "sql_mode rejects zero dates (" + dated.size() + " date columns)");
        }
        String policy = source.badValuePolicy().name().toLowerCase(Locale.ROOT);
        return CheckResult.warn(AREA, "zero dates", "sql_mode '" + variables.getOrDefault("sql_mode", "")
                + "' lets " + dated.size() + " date columns hold zero dates (" + listed(dated) + ")",
                "PostgreSQL has no zero date: such values follow bad_value_policy (" + policy + ") and are listed"
                + " by show_errors --bad-values; add STRICT_TRANS_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE to the "
                + "server's sql_mode to keep new ones out");
    }

    private static CheckResult time(List<SourceTable> tables, java.util.Map<String, TypeOverride> overrides) {
        List<String> times = columns(tables, c -> c.type() == MySqlType.TIME);
        boolean overridden = overrides.keySet().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("time"));
        if (times.isEmpty() || !overridden) {
            return CheckResult.ok(AREA, "time ranges", times.isEmpty() ? "no TIME columns"
                    : times.size() + " TIME columns map to interval, which holds MySQL's whole TIME range");
        }
        return CheckResult.warn(AREA, "time ranges", "type_override maps TIME (" + listed(times) + ")",
                "values outside the target type's range (MySQL's TIME runs from -838:59:59 to 838:59:59) follow "
                + "bad_value_policy; drop the override to map TIME to interval");
    }

    private static CheckResult spatial(List<SourceTable> tables, boolean postgis) {
        List<String> spatial = columns(tables, c -> SPATIAL.contains(c.type()));
        if (spatial.isEmpty() || postgis) {
            return CheckResult.ok(AREA, "spatial", spatial.isEmpty() ? "no spatial columns"
                    : spatial.size() + " spatial columns map to PostGIS geometry");
        }
        return CheckResult.warn(AREA, "spatial", spatial.size() + " spatial columns without PostGIS ("
                + listed(spatial) + ")", "they are copied as bytea (WKB); run CREATE EXTENSION postgis in the"
                + " target database before init_replica to get geometry columns");
    }

    private static List<String> columns(List<SourceTable> tables, Predicate<SourceColumn> which) {
        List<String> names = new ArrayList<>();
        for (SourceTable table : tables) {
            table.columns().stream().filter(which).forEach(c -> names.add(table.qualifiedName() + "." + c.name()));
        }
        return names;
    }

    private static String listed(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(LISTED, names.size())))
                + (names.size() > LISTED ? " and " + (names.size() - LISTED) + " more" : "");
    }
}
