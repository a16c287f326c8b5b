package io.chameleon.copy;

import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a table into ranges of the first column of its primary (or a unique) key, for readers sharing one
 * snapshot. The column must be an integer NOT NULL: the ranges are open at both ends and contiguous, so together
 * they hold every row exactly once whatever the key's gaps, and no row can escape them through a NULL.
 */
final class KeyRanges {

    /** Opt-in: a type not listed here is not split on, which is always correct (one reader per table). */
    private static final Set<MySqlType> INTEGER_TYPES = EnumSet.of(MySqlType.TINYINT, MySqlType.SMALLINT,
            MySqlType.MEDIUMINT, MySqlType.INT, MySqlType.BIGINT);

    private KeyRanges() {
    }

    /** The column a table can be split on, if any. */
    static Optional<SourceColumn> splitColumn(SourceTable table) {
        return table.indexes().stream()
                .filter(index -> index.kind() == IndexKind.PRIMARY || index.kind() == IndexKind.UNIQUE)
                .map(index -> table.column(index.columns().get(0)))
                .flatMap(Optional::stream)
                .filter(column -> !column.nullable() && INTEGER_TYPES.contains(column.type()))
                .findFirst();
    }

    /**
     * Conditions for at most {@code count} ranges of equal width between the column's minimum and maximum as
     * {@code reader}'s snapshot sees them; one condition-less range when the table is empty or too narrow.
     */
    static List<String> of(Connection reader, SourceTable table, SourceColumn column, int count) throws SQLException {
        String quoted = MySqlIdentifiers.quote(column.name());
        BigInteger min;
        BigInteger max;
        try (Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery("SELECT MIN(" + quoted + "), MAX(" + quoted + ") FROM "
                     + MySqlIdentifiers.qualified(table.schema(), table.name()))) {
            rs.next();
            String low = rs.getString(1);
            if (low == null) {
                return singleRange();
            }
            min = new BigInteger(low);
            max = new BigInteger(rs.getString(2));
        }
        return split(quoted, min, max, count);
    }

    /** Bounds {@code min + width * i / count}; duplicates (a range narrower than count) are dropped. */
    static List<String> split(String quotedColumn, BigInteger min, BigInteger max, int count) {
        BigInteger width = max.subtract(min).add(BigInteger.ONE);
        List<BigInteger> bounds = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            BigInteger bound = min.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count)));
            if (bound.compareTo(min) > 0 && (bounds.isEmpty() || bound.compareTo(bounds.get(bounds.size() - 1)) > 0)) {
                bounds.add(bound);
            }
        }
        if (bounds.isEmpty()) {
            return singleRange();
        }
        List<String> ranges = new ArrayList<>();
        ranges.add(quotedColumn + " < " + bounds.get(0));
        for (int i = 1; i < bounds.size(); i++) {
            ranges.add(quotedColumn + " >= " + bounds.get(i - 1) + " AND " + quotedColumn + " < " + bounds.get(i));
        }
        ranges.add(quotedColumn + " >= " + bounds.get(bounds.size() - 1));
        return ranges;
    }

    private static List<String> singleRange() {
        List<String> all = new ArrayList<>();
        all.add(null);
        return all;
    }
}
