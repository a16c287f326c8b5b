package io.chameleon.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The foreign keys of the source's databases, from information_schema (MySQL and MariaDB alike). */
public final class SourceForeignKeys {

    private SourceForeignKeys() {
    }

    /** Every foreign key whose table is in one of {@code databases}, its columns in key order. */
    public static List<ForeignKey> read(Connection mysql, Collection<String> databases) throws SQLException {
        if (databases.isEmpty()) {
            return List.of();
        }
        String in = String.join(", ", Collections.nCopies(databases.size(), "?"));
        String sql = "SELECT rc.CONSTRAINT_SCHEMA, rc.TABLE_NAME, rc.CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE,"
                + " k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME"
                + " FROM information_schema.REFERENTIAL_CONSTRAINTS rc"
                + " JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                + " AND k.TABLE_NAME = rc.TABLE_NAME AND k.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                + " WHERE rc.CONSTRAINT_SCHEMA IN (" + in + ") AND k.REFERENCED_TABLE_NAME IS NOT NULL"
                + " ORDER BY rc.CONSTRAINT_SCHEMA, rc.TABLE_NAME, rc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
        Map<String, Builder> keys = new LinkedHashMap<>();
        try (PreparedStatement ps = mysql.prepareStatement(sql)) {
            int i = 1;
            for (String database : databases) {
                ps.setString(i++, database);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Builder key = keys.computeIfAbsent(rs.getString(1) + '\0' + rs.getString(2) + '\0'
                            + rs.getString(3), k -> new Builder());
                    key.schema = rs.getString(1);
                    key.table = rs.getString(2);
                    key.name = rs.getString(3);
                    key.onUpdate = rs.getString(4);
                    key.onDelete = rs.getString(5);
                    key.columns.add(rs.getString(6));
                    key.referencedSchema = rs.getString(7);
                    key.referencedTable = rs.getString(8);
                    key.referencedColumns.add(rs.getString(9));
                }
            }
        }
        return keys.values().stream().map(Builder::build).toList();
    }

    private static final class Builder {
        private String schema;
        private String table;
        private String name;
        private String onUpdate;
        private String onDelete;
        private String referencedSchema;
        private String referencedTable;
        private final List<String> columns = new ArrayList<>();
        private final List<String> referencedColumns = new ArrayList<>();

        ForeignKey build() {
            return new ForeignKey(schema, table, name, columns, referencedSchema, referencedTable,
                    referencedColumns, onUpdate, onDelete);
        }
    }
}
