package io.chameleon.ops;

import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.ServerException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table as its column names, in column order, and its rows, each value in a text form both servers share
 * (numbers without trailing zeros, binary strings in hex), the rows sorted so that the servers' collations do not
 * matter. Two tables are equal, column by column and row by row, exactly when their contents are equal.
 * Invisible columns are listed and read like the others: the catalogue lists them, and they are named in the query.
 */
record TableContents(List<String> columns, List<List<String>> rows) {

    static TableContents ofSource(MariaDbDatabase source, String table) {
        List<String> columns = source.queryForList("SELECT COLUMN_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")
                .stream().map(r -> (String) r.get(0)).toList();
        String select = columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
        return new TableContents(columns, normalised(source.queryForList("SELECT " + select + " FROM `" + table
                + "`")));
    }

    /** The table in {@code schema}; an absent table or one whose columns are not all there yet reads as such. */
    static TableContents ofTarget(PostgresDatabase target, String schema, String table) {
        List<String> columns = target.queryForList("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = '" + schema + "' AND table_name = '" + table + "'"
                        + " ORDER BY ordinal_position")
                .stream().map(r -> (String) r.get(0)).toList();
        if (columns.isEmpty()) {
            return new TableContents(List.of(), List.of(List.of("no table " + schema + "." + table)));
        }
        String select = columns.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", "));
        try {
            return new TableContents(columns, normalised(target.queryForList("SELECT " + select + " FROM \""
                    + schema + "\".\"" + table + "\"")));
        } catch (ServerException e) { // the table changed between the two queries: replay is applying DDL
            return new TableContents(columns, List.of(List.of(String.valueOf(e.getCause()))));
        }
    }

    private static List<List<String>> normalised(List<List<Object>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.stream().map(TableContents::text).toList());
        }
        out.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        return out;
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            return "x'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
