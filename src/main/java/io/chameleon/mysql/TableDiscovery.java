package io.chameleon.mysql;

import io.chameleon.config.ConfigurationException;
import io.chameleon.config.SourceConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the tables to replicate and reads their structure from {@code information_schema}, with one query per
 * catalogue table for all mapped databases together: a database may hold thousands of tables.
 */
public final class TableDiscovery {

    private static final String SCHEMATA = "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (%s)";

    private static final String TABLES = """
            SELECT t.TABLE_SCHEMA, t.TABLE_NAME, t.ENGINE, e.TRANSACTIONS, t.TABLE_ROWS, t.DATA_LENGTH
            FROM information_schema.TABLES t
            LEFT JOIN information_schema.ENGINES e ON e.ENGINE = t.ENGINE
            WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA IN (%s)""";

    /** MariaDB lists a table WITH SYSTEM VERSIONING apart from base tables; it is not replicated. */
    private static final String SYSTEM_VERSIONED = """
            SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES
            WHERE TABLE_TYPE = 'SYSTEM VERSIONED' AND TABLE_SCHEMA IN (%s)""";

    private static final String COLUMNS = """
            SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,
                   COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME, CHARACTER_MAXIMUM_LENGTH,
                   NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION
            FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA IN (%s)
            ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION""";

    private static final String STATISTICS = """
            SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, SUB_PART
            FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA IN (%s)
            ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME = 'PRIMARY' DESC, NON_UNIQUE, INDEX_NAME, SEQ_IN_INDEX""";

    /** MariaDB's JSON is an alias of longtext plus this column-level CHECK; MySQL has a real json type. */
    private static final String MARIADB_JSON_CHECKS = """
            SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CHECK_CLAUSE
            FROM information_schema.CHECK_CONSTRAINTS
            WHERE CONSTRAINT_SCHEMA IN (%s) AND CHECK_CLAUSE LIKE 'json_valid(%%'""";

    private final Connection mysql;

    public TableDiscovery(Connection mysql) {
        this.mysql = mysql;
    }

    /**
     * The base tables of the source's mapped databases, filtered by {@code limit_tables} (when not empty) then
     * {@code skip_tables}, ordered by database then table name (Java string order, whatever the server collation).
     *
     * @throws ConfigurationException when a mapped database does not exist
     */
    public List<SourceTable> discover(SourceConfig source) throws SQLException {
        List<String> schemas = List.copyOf(source.schemaMappings().keySet());
        if (schemas.isEmpty()) {
            return List.of();
        }
        requireSchemasExist(source.name(), schemas);
        SourceFlavour flavour = SourceServer.identify(mysql).flavour();
        TableFilter filter = new TableFilter(source.limitTables(), source.skipTables());
        Set<ColumnName> jsonColumns = flavour == SourceFlavour.MARIADB ? mariaDbJsonColumns(schemas) : Set.of();
        Map<TableName, List<SourceColumn>> columns = columns(schemas, flavour, jsonColumns);
        Map<TableName, List<SourceIndex>> indexes = indexes(schemas);

        List<SourceTable> tables = new ArrayList<>();
        try (PreparedStatement query = prepare(TABLES, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                if (!filter.accepts(table.schema(), table.name())) {
                    continue;
                }
                tables.add(new SourceTable(table.schema(), table.name(), rows.getString(3),
                        "YES".equalsIgnoreCase(rows.getString(4)),
                        columns.getOrDefault(table, List.of()), indexes.getOrDefault(table, List.of()),
                        rows.getLong(5), rows.getLong(6)));
            }
        }
        // ordered here, not by the server's collation, so the order is the same on every server
        tables.sort(Comparator.comparing(SourceTable::schema).thenComparing(SourceTable::name));
        return tables;
    }

    /**
     * The system-versioned tables (MariaDB) of the source's mapped databases, as {@code schema.table}: they are not
     * among {@link #discover}'s tables, and a command naming one must say why.
     */
    public Set<String> systemVersioned(SourceConfig source) throws SQLException {
        List<String> schemas = List.copyOf(source.schemaMappings().keySet());
        Set<String> tables = new TreeSet<>();
        if (schemas.isEmpty()) {
            return tables;
        }
        TableFilter filter = new TableFilter(source.limitTables(), source.skipTables());
        try (PreparedStatement query = prepare(SYSTEM_VERSIONED, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (filter.accepts(rows.getString(1), rows.getString(2))) {
                    tables.add(rows.getString(1) + "." + rows.getString(2));
                }
            }
        }
        return tables;
    }

    private void requireSchemasExist(String sourceName, List<String> schemas) throws SQLException {
        Set<String> missing = new TreeSet<>(schemas);
        try (PreparedStatement query = prepare(SCHEMATA, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                missing.remove(rows.getString(1));
            }
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationException("source " + sourceName + ": schema_mappings names MySQL "
                    + (missing.size() == 1 ? "database " : "databases ") + String.join(", ", missing)
                    + " that the server does not have; create it or remove it from schema_mappings");
        }
    }

    private Map<TableName, List<SourceColumn>> columns(List<String> schemas, SourceFlavour flavour,
                                                       Set<ColumnName> jsonColumns) throws SQLException {
        Map<TableName, List<SourceColumn>> columns = new HashMap<>();
        try (PreparedStatement query = prepare(COLUMNS, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                String name = rows.getString(3);
                boolean nullable = "YES".equalsIgnoreCase(rows.getString(7));
                String extra = rows.getString(9);
                String dataType = jsonColumns.contains(new ColumnName(table, name))
                        ? "json" : rows.getString(5);
                columns.computeIfAbsent(table, key -> new ArrayList<>()).add(new SourceColumn(
                        name, rows.getInt(4), dataType, rows.getString(6), nullable,
                        ColumnDefault.fromCatalogue(rows.getString(8), extra, nullable, flavour), extra,
                        rows.getString(10), rows.getString(11), longOrNull(rows, 12), intOrNull(rows, 13),
                        intOrNull(rows, 14), intOrNull(rows, 15)));
            }
        }
        return columns;
    }

    private Map<TableName, List<SourceIndex>> indexes(List<String> schemas) throws SQLException {
        Map<TableName, TableIndexes> byTable = new HashMap<>();
        try (PreparedStatement query = prepare(STATISTICS, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                String indexName = rows.getString(3);
                int nonUnique = rows.getInt(4);
                String indexType = rows.getString(5);
                String column = rows.getString(6);
                rows.getInt(7);
                boolean prefix = !rows.wasNull();
                byTable.computeIfAbsent(table, key -> new TableIndexes())
                        .add(indexName, nonUnique, indexType, column, prefix);
            }
        }
        Map<TableName, List<SourceIndex>> indexes = new HashMap<>();
        byTable.forEach((table, tableIndexes) -> indexes.put(table, tableIndexes.indexes()));
        return indexes;
    }

    /** Columns declared JSON on MariaDB, as (schema.table, column), read from their {@code json_valid(`c`)} check. */
    private Set<ColumnName> mariaDbJsonColumns(List<String> schemas) throws SQLException {
        Set<ColumnName> columns = new LinkedHashSet<>();
        try (PreparedStatement query = prepare(MARIADB_JSON_CHECKS, schemas); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                TableName table = new TableName(rows.getString(1), rows.getString(2));
                JsonValidCheck.column(rows.getString(3)).ifPresent(column -> columns.add(new ColumnName(table, column)));
            }
        }
        return Collections.unmodifiableSet(columns);
    }

    private PreparedStatement prepare(String sql, List<String> schemas) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(schemas.size(), "?"));
        PreparedStatement statement = mysql.prepareStatement(sql.formatted(placeholders));
        for (int i = 0; i < schemas.size(); i++) {
            statement.setString(i + 1, schemas.get(i));
        }
        return statement;
    }

    private static Long longOrNull(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private record TableName(String schema, String name) {
    }

    private record ColumnName(TableName table, String column) {
    }
}
