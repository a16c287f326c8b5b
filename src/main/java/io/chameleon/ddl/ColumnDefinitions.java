package io.chameleon.ddl;

import com.alibaba.druid.sql.SQLUtils;
import com.alibaba.druid.sql.ast.SQLDataType;
import com.alibaba.druid.sql.ast.SQLDataTypeImpl;
import com.alibaba.druid.sql.ast.SQLExpr;
import com.alibaba.druid.sql.ast.expr.SQLBinaryExpr;
import com.alibaba.druid.sql.ast.expr.SQLBooleanExpr;
import com.alibaba.druid.sql.ast.expr.SQLCharExpr;
import com.alibaba.druid.sql.ast.expr.SQLHexExpr;
import com.alibaba.druid.sql.ast.expr.SQLNCharExpr;
import com.alibaba.druid.sql.ast.expr.SQLIdentifierExpr;
import com.alibaba.druid.sql.ast.expr.SQLIntegerExpr;
import com.alibaba.druid.sql.ast.expr.SQLMethodInvokeExpr;
import com.alibaba.druid.sql.ast.expr.SQLNullExpr;
import com.alibaba.druid.sql.ast.expr.SQLNumericLiteralExpr;
import com.alibaba.druid.sql.ast.expr.SQLUnaryExpr;
import com.alibaba.druid.sql.ast.expr.SQLUnaryOperator;
import com.alibaba.druid.sql.ast.statement.SQLCharacterDataType;
import com.alibaba.druid.sql.ast.statement.SQLColumnConstraint;
import com.alibaba.druid.sql.ast.statement.SQLColumnDefinition;
import com.alibaba.druid.sql.ast.statement.SQLColumnPrimaryKey;
import com.alibaba.druid.sql.ast.statement.SQLNotNullConstraint;
import com.alibaba.druid.sql.ast.statement.SQLNullConstraint;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Druid column definition into the {@link SourceColumn} MariaDB (10.11) reports for it in
 * {@code information_schema.COLUMNS}: canonical type text, display widths, lengths, character set and the
 * default as MariaDB normalises it. Assumes {@code explicit_defaults_for_timestamp=ON} (MariaDB's default since
 * 10.10): a TIMESTAMP gets no implicit NOT NULL nor CURRENT_TIMESTAMP default.
 */
final class ColumnDefinitions {

    /** Integer types: canonical name, display width signed / unsigned, NUMERIC_PRECISION signed / unsigned. */
    private record IntegerType(String name, int width, int unsignedWidth, int precision, int unsignedPrecision) {
    }

    private static final Map<String, IntegerType> INTEGERS = Map.of(
            "tinyint", new IntegerType("tinyint", 4, 3, 3, 3),
            "smallint", new IntegerType("smallint", 6, 5, 5, 5),
            "mediumint", new IntegerType("mediumint", 9, 8, 7, 8),
            "int", new IntegerType("int", 11, 10, 10, 10),
            "bigint", new IntegerType("bigint", 20, 20, 19, 20));

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("int1", "tinyint"), Map.entry("int2", "smallint"),
            Map.entry("int3", "mediumint"), Map.entry("middleint", "mediumint"), Map.entry("int4", "int"),
            Map.entry("int8", "bigint"), Map.entry("numeric", "decimal"), Map.entry("dec", "decimal"),
            Map.entry("fixed", "decimal"), Map.entry("float4", "float"), Map.entry("float8", "double"),
            Map.entry("real", "double"), Map.entry("double precision", "double"),
            Map.entry("character", "char"), Map.entry("character varying", "varchar"),
            Map.entry("long", "mediumtext"), Map.entry("long varchar", "mediumtext"),
            Map.entry("long varbinary", "mediumblob"), Map.entry("bool", "tinyint"), Map.entry("boolean", "tinyint"));

    private static final Set<String> NATIONAL = Set.of("nchar", "nvarchar", "national char", "national varchar",
            "national character", "national character varying", "nchar varchar", "nchar varying");

    private static final Set<String> PLAIN = Set.of("date", "geometry", "point", "linestring", "polygon",
            "multipoint", "multilinestring", "multipolygon", "geometrycollection", "uuid", "inet4", "inet6");

    /** Byte limits of the TINY/plain/MEDIUM/LONG text and blob types, also their CHARACTER_MAXIMUM_LENGTH. */
    private static final long[] LOB_LIMITS = {255L, 65_535L, 16_777_215L, 4_294_967_295L};
    private static final String[] LOB_PREFIXES = {"tiny", "", "medium", "long"};

    private static final Pattern TEMPORAL = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d*))?)?");
    private static final Pattern LENGTH = Pattern.compile("(\\d+)(?:\\.\\d*)?");
    private static final Pattern TIME = Pattern.compile("(-?)(\\d{1,3}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d*))?)?");

    private ColumnDefinitions() {
    }

    /**
     * @param tableCharset charset and collation new text columns get when they name none: the table default
     * @param inPrimaryKey the column is part of the primary key, which makes it NOT NULL
     * @param invisible    columns declared INVISIBLE (lower case): still in every row image, MariaDB notes it in EXTRA
     */
    static SourceColumn column(SQLColumnDefinition definition, int position, String[] tableCharset,
                               boolean inPrimaryKey, Set<String> invisible, String table) throws UntranslatableDdl {
        String name = Names.unquote(definition.getColumnName());
        try {
            Type type = type(definition, tableCharset, table, name);
            boolean nullable = nullable(definition, inPrimaryKey || type.serial);
            String extra = extra(definition, type.serial);
            ColumnDefault defaultValue = defaultValue(definition, type, nullable, extra, table, name);
            if (invisible.contains(name.toLowerCase(Locale.ROOT))) {
                extra = extra.isEmpty() ? "INVISIBLE" : extra + ", INVISIBLE";
            }
            return new SourceColumn(name, position, type.dataType, type.columnType, nullable, defaultValue, extra,
                    type.charset, type.collation, type.maxLength, type.precision, type.scale,
                    type.datetimePrecision);
        } catch (RuntimeException e) {
            // text Druid accepts but MariaDB's rules were not written for (odd numbers, empty lists…)
            throw new UntranslatableDdl(table + ": column " + name + " has type " + definition.getDataType()
                    + " that the source model cannot express: " + e.getMessage());
        }
    }

    /** Whether the definition itself declares the column part of the primary key. */
    static boolean inlinePrimaryKey(SQLColumnDefinition definition) {
        return definition.getConstraints().stream().anyMatch(c -> c instanceof SQLColumnPrimaryKey);
    }

    /** SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE: the caller adds the unique key. */
    static boolean serial(SQLColumnDefinition definition) {
        return definition.getDataType() != null
                && definition.getDataType().getName().equalsIgnoreCase("serial");
    }

    private static boolean nullable(SQLColumnDefinition definition, boolean forcedNotNull) {
        boolean nullable = true;
        for (SQLColumnConstraint constraint : definition.getConstraints()) {
            if (constraint instanceof SQLNotNullConstraint) {
                nullable = false;
            } else if (constraint instanceof SQLNullConstraint) {
                nullable = true;
            }
        }
        // primary key and AUTO_INCREMENT columns are NOT NULL whatever the definition says
        return nullable && !forcedNotNull && !definition.isAutoIncrement();
    }

    private static String extra(SQLColumnDefinition definition, boolean serial) {
        if (definition.getAsExpr() != null || definition.getGeneratedAlwaysAs() != null) {
            return definition.isStored() ? "STORED GENERATED" : "VIRTUAL GENERATED";
        }
        if (definition.isAutoIncrement() || serial) {
            return "auto_increment";
        }
        if (definition.getOnUpdate() != null) {
            return "on update " + currentTimestamp(definition.getOnUpdate());
        }
        return "";
    }

    // ---------------------------------------------------------------- types

    private static final class Type {
        String dataType;
        String columnType;
        String charset;
        String collation;
        Long maxLength;
        Integer precision;
        Integer scale;
        Integer datetimePrecision;
        boolean serial;
        List<String> labels = List.of();
    }

    private static Type type(SQLColumnDefinition definition, String[] tableCharset, String table, String column)
            throws UntranslatableDdl {
        SQLDataType dataType = definition.getDataType();
        String written = dataType.getName().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<SQLExpr> arguments = dataType.getArguments();
        boolean unsigned = dataType instanceof SQLDataTypeImpl impl && (impl.isUnsigned() || impl.isZerofill());
        boolean zerofill = dataType instanceof SQLDataTypeImpl impl && impl.isZerofill();
        Type type = new Type();
        String name = ALIASES.getOrDefault(written, written);
        if (written.equals("bool") || written.equals("boolean")) {
            arguments = List.of(new SQLIntegerExpr(1));
        }
        if (written.equals("serial")) {
            name = "bigint";
            unsigned = true;
            type.serial = true;
        }
        boolean national = NATIONAL.contains(written);
        if (national) {
            name = written.contains("var") ? "varchar" : "char";
        }
        String suffix = (unsigned ? " unsigned" : "") + (zerofill ? " zerofill" : "");
        type.dataType = name;
        IntegerType integer = INTEGERS.get(name);
        if (integer != null) {
            int declared = arguments.isEmpty() ? 0 : intArgument(arguments.get(0));
            // INT(0) is the default display width
            int width = declared == 0 ? (unsigned ? integer.unsignedWidth : integer.width) : declared;
            type.columnType = name + "(" + width + ")" + suffix;
            type.precision = unsigned ? integer.unsignedPrecision : integer.precision;
            type.scale = 0;
            return type;
        }
        switch (name) {
            case "decimal" -> {
                // DECIMAL(0) and DECIMAL(0,0) are MariaDB's default DECIMAL(10,0)
                int precision = arguments.isEmpty() ? 0 : intArgument(arguments.get(0));
                int scale = arguments.size() < 2 ? 0 : intArgument(arguments.get(1));
                precision = precision == 0 && scale == 0 ? 10 : precision;
                if (precision > 65 || scale > 38 || scale > precision) {
                    throw new UntranslatableDdl(table + ": column " + column + " has " + dataType
                            + ", which MariaDB rejects");
                }
                type.columnType = "decimal(" + precision + "," + scale + ")" + suffix;
                type.precision = precision;
                type.scale = scale;
            }
            case "float", "double" -> {
                if (name.equals("float") && arguments.size() == 1) {
                    // FLOAT(p) picks the type by the binary precision alone
                    name = intArgument(arguments.get(0)) > 24 ? "double" : "float";
                    arguments = List.of();
                    type.dataType = name;
                }
                if (arguments.size() == 2 && intArgument(arguments.get(0)) == 0) {
                    arguments = List.of(); // FLOAT(0,0), DOUBLE(0,0): MariaDB's plain type
                }
                if (arguments.size() == 2) {
                    type.precision = intArgument(arguments.get(0));
                    type.scale = intArgument(arguments.get(1));
                    type.columnType = name + "(" + type.precision + "," + type.scale + ")" + suffix;
                } else {
                    type.precision = name.equals("float") ? 12 : 22;
                    type.columnType = name + suffix;
                }
            }
            case "bit" -> {
                type.precision = arguments.isEmpty() ? 1 : Math.max(1, intArgument(arguments.get(0))); // BIT(0) is BIT(1)
                type.columnType = "bit(" + type.precision + ")";
            }
            case "year" -> type.columnType = "year(4)";
            case "time", "datetime", "timestamp" -> {
                int precision = arguments.isEmpty() ? 0 : intArgument(arguments.get(0));
                type.datetimePrecision = precision;
                type.columnType = precision == 0 ? name : name + "(" + precision + ")";
            }
            case "char", "varchar", "binary", "varbinary" -> {
                if (arguments.isEmpty() && name.startsWith("var")) {
                    throw new UntranslatableDdl(table + ": column " + column + " has " + name + " without length");
                }
                long length = arguments.isEmpty() ? 1 : intArgument(arguments.get(0));
                type.columnType = name + "(" + length + ")";
                type.maxLength = length;
                if (name.endsWith("char")) {
                    characterSet(type, definition, national ? new String[]{"utf8mb3", "utf8mb3_general_ci"}
                            : tableCharset);
                }
            }
            case "tinytext", "text", "mediumtext", "longtext" -> {
                characterSet(type, definition, tableCharset);
                long bytes = arguments.isEmpty() ? LOB_LIMITS[lobIndex(name, "text")]
                        : (long) intArgument(arguments.get(0)) * Charsets.maxBytes(type.charset);
                lob(type, "text", arguments.isEmpty() ? lobIndex(name, "text") : lobFor(bytes));
            }
            case "tinyblob", "blob", "mediumblob", "longblob" -> lob(type, "blob", arguments.isEmpty()
                    ? lobIndex(name, "blob") : lobFor(intArgument(arguments.get(0))));
            case "enum", "set" -> {
                type.labels = labels(arguments);
                type.columnType = name + "(" + String.join(",", type.labels.stream()
                        .map(label -> "'" + label.replace("'", "''") + "'").toList()) + ")";
                characterSet(type, definition, tableCharset);
                type.maxLength = name.equals("enum")
                        ? type.labels.stream().mapToLong(String::length).max().orElse(0)
                        : type.labels.stream().mapToLong(String::length).sum() + Math.max(0, type.labels.size() - 1);
            }
            case "json" -> {
                // MariaDB's JSON is LONGTEXT in utf8mb4_bin plus a json_valid check: TableDiscovery reports json
                type.columnType = "longtext";
                type.charset = "utf8mb4";
                type.collation = "utf8mb4_bin";
                type.maxLength = LOB_LIMITS[3];
            }
            default -> {
                if (!PLAIN.contains(name)) {
                    throw new UntranslatableDdl(table + ": column " + column + " has type " + dataType
                            + " that the source model cannot express");
                }
                type.columnType = name;
            }
        }
        return type;
    }

    private static int lobIndex(String name, String family) {
        for (int i = 0; i < LOB_PREFIXES.length; i++) {
            if (name.equals(LOB_PREFIXES[i] + family)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The smallest TEXT/BLOB type holding that many bytes, as MariaDB picks for TEXT(n) and conversions. */
    static int lobFor(long bytes) {
        for (int i = 0; i < LOB_LIMITS.length; i++) {
            if (bytes <= LOB_LIMITS[i]) {
                return i;
            }
        }
        return LOB_LIMITS.length - 1;
    }

    /** Type name and length of the TEXT type at that size index ({@code mediumtext}, 16777215). */
    static String lobName(int index, String family) {
        return LOB_PREFIXES[index] + family;
    }

    static long lobLength(int index) {
        return LOB_LIMITS[index];
    }

    private static void lob(Type type, String family, int index) {
        type.dataType = lobName(index, family);
        type.columnType = type.dataType;
        type.maxLength = LOB_LIMITS[index];
    }

    private static void characterSet(Type type, SQLColumnDefinition definition, String[] tableCharset) {
        String charset = null;
        String collation = null;
        boolean binary = false;
        if (definition.getDataType() instanceof SQLCharacterDataType character) {
            charset = character.getCharSetName();
            collation = character.getCollate();
            binary = character.isHasBinary();
        }
        if (charset == null && definition.getCharsetExpr() != null) {
            charset = Names.unquote(definition.getCharsetExpr().toString());
        }
        if (collation == null && definition.getCollateExpr() != null) {
            collation = Names.unquote(definition.getCollateExpr().toString());
        }
        if (charset != null) {
            type.charset = Charsets.charsetName(charset);
            type.collation = collation != null ? Charsets.collationName(collation)
                    : binary ? type.charset + "_bin" : Charsets.defaultCollation(type.charset);
        } else if (collation != null) {
            type.collation = Charsets.collationName(collation);
            type.charset = Charsets.charsetOf(type.collation);
        } else {
            type.charset = tableCharset[0];
            type.collation = binary ? tableCharset[0] + "_bin" : tableCharset[1];
        }
    }

    private static List<String> labels(List<SQLExpr> arguments) {
        List<String> labels = new ArrayList<>();
        for (SQLExpr argument : arguments) {
            labels.add(argument instanceof SQLCharExpr text ? text.getText() : argument.toString());
        }
        return labels;
    }

    /**
     * A length, precision or scale. MariaDB's grammar takes a single {@code (19.5)} as its integer part, 19; anything
     * else than an unsigned whole number (or such a decimal) is refused.
     */
    private static int intArgument(SQLExpr expr) {
        String text = expr instanceof SQLIntegerExpr integer ? integer.getNumber().toString() : expr.toString().trim();
        Matcher number = LENGTH.matcher(text);
        if (!number.matches() || number.group(1).length() > 10
                || Long.parseLong(number.group(1)) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length, precision or scale " + text
                    + " is not a whole number MariaDB takes");
        }
        return Integer.parseInt(number.group(1));
    }

    // ---------------------------------------------------------------- defaults

    private static ColumnDefault defaultValue(SQLColumnDefinition definition, Type type, boolean nullable,
                                              String extra, String table, String column) throws UntranslatableDdl {
        SQLExpr expr = definition.getDefaultExpr();
        if (expr == null || extra.endsWith("GENERATED") || extra.equals("auto_increment")) {
            return nullable ? new ColumnDefault.Null() : new ColumnDefault.None();
        }
        return defaultOf(expr, MySqlType.of(type.dataType), type.columnType, type.scale, type.datetimePrecision, type.labels,
                table, column);
    }

    /** The default as MariaDB normalises it for a column of this type; also used by ALTER … SET DEFAULT. */
    static ColumnDefault defaultFor(SQLExpr expr, SourceColumn column, String table) throws UntranslatableDdl {
        List<String> labels = column.type() == MySqlType.ENUM ? column.enumLabels()
                : column.type() == MySqlType.SET ? column.setLabels() : List.of();
        return defaultOf(expr, column.type(), column.columnType(), column.numericScale(),
                column.datetimePrecision(), labels, table, column.name());
    }

    private static ColumnDefault defaultOf(SQLExpr expr, MySqlType dataType, String columnType, Integer scale,
                                           Integer datetimePrecision, List<String> labels, String table,
                                           String column) throws UntranslatableDdl {
        if (expr instanceof SQLNullExpr) {
            return new ColumnDefault.Null();
        }
        if (isCurrentTimestamp(expr)) {
            return new ColumnDefault.Expression(currentTimestamp(expr));
        }
        if (expr instanceof SQLBinaryExpr bits) {
            return new ColumnDefault.Expression("b'" + new BigInteger(bits.getText().isEmpty() ? "0" : bits.getText(), 2)
                    .toString(2) + "'");
        }
        String literal = literal(expr);
        if (literal == null) {
            // an expression default: MariaDB prints its own rendering, approximated by Druid's
            return new ColumnDefault.Expression(SQLUtils.toMySqlString(expr));
        }
        try {
            // one case per MySqlType and no default: a new constant does not compile until it is placed here
            return switch (dataType) {
                case TINYINT, SMALLINT, MEDIUMINT, INT, BIGINT, YEAR ->
                        new ColumnDefault.Literal(new BigDecimal(literal.trim()).setScale(0, RoundingMode.HALF_UP)
                                .toPlainString());
                case DECIMAL -> new ColumnDefault.Literal(new BigDecimal(literal.trim())
                        .setScale(scale == null ? 0 : scale, RoundingMode.HALF_UP).toPlainString());
                case FLOAT -> new ColumnDefault.Literal(plain(new BigDecimal(
                        Float.toString(Float.parseFloat(literal.trim())))));
                case DOUBLE -> new ColumnDefault.Literal(plain(new BigDecimal(
                        Double.toString(Double.parseDouble(literal.trim())))));
                case BIT -> new ColumnDefault.Expression("b'" + new BigInteger(literal.trim()).toString(2) + "'");
                case DATE -> new ColumnDefault.Literal(temporal(literal, false, 0));
                case DATETIME, TIMESTAMP -> new ColumnDefault.Literal(temporal(literal, true,
                        datetimePrecision == null ? 0 : datetimePrecision));
                case TIME -> new ColumnDefault.Literal(time(literal, datetimePrecision == null ? 0 : datetimePrecision));
                case SET -> new ColumnDefault.Literal(setValue(literal, labels));
                case ENUM -> new ColumnDefault.Literal(labels.stream().filter(label -> label.equalsIgnoreCase(literal))
                        .findFirst().orElse(literal));
                case CHAR, VARCHAR, BINARY, VARBINARY, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, TINYBLOB, BLOB, MEDIUMBLOB,
                        LONGBLOB, JSON, GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON,
                        GEOMETRYCOLLECTION, UUID, INET4, INET6, UNKNOWN -> new ColumnDefault.Literal(literal);
            };
        } catch (NumberFormatException e) {
            throw new UntranslatableDdl(table + ": default " + expr + " of column " + column + " does not suit "
                    + columnType);
        }
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "-0" : text;
    }

    /** The literal text of a constant default, null when it is an expression. */
    private static String literal(SQLExpr expr) {
        if (expr instanceof SQLCharExpr text) {
            return text.getText();
        } else if (expr instanceof SQLNCharExpr text) { // N'...': a national string is a constant like any other
            return text.getText();
        } else if (expr instanceof SQLNumericLiteralExpr number) {
            return number.getNumber().toString().equals(expr.toString()) ? expr.toString()
                    : new BigDecimal(expr.toString()).toPlainString();
        } else if (expr instanceof SQLBooleanExpr bool) {
            return bool.getBooleanValue() ? "1" : "0";
        } else if (expr instanceof SQLHexExpr hex) {
            return new String(hex.toBytes(), StandardCharsets.UTF_8);
        } else if (expr instanceof SQLUnaryExpr unary && unary.getOperator() == SQLUnaryOperator.Negative) {
            String inner = literal(unary.getExpr());
            return inner == null ? null : inner.startsWith("-") ? inner.substring(1) : "-" + inner;
        } else if (expr instanceof SQLUnaryExpr unary && unary.getOperator() == SQLUnaryOperator.Plus) {
            return literal(unary.getExpr());
        }
        return null;
    }

    private static boolean isCurrentTimestamp(SQLExpr expr) {
        return ColumnDefault.CURRENT_TIMESTAMP.matcher(expr.toString().replaceAll("\\s+", "")).matches();
    }

    /** MariaDB prints every spelling (NOW(), LOCALTIME, CURRENT_TIMESTAMP) as {@code current_timestamp(n)}. */
    private static String currentTimestamp(SQLExpr expr) {
        Matcher matcher = ColumnDefault.CURRENT_TIMESTAMP.matcher(expr.toString().replaceAll("\\s+", ""));
        String precision = matcher.matches() && matcher.group(2) != null
                ? matcher.group(2).substring(1, matcher.group(2).length() - 1) : "";
        return precision.isEmpty() || Integer.parseInt(precision) == 0 ? "current_timestamp()"
                : "current_timestamp(" + Integer.parseInt(precision) + ")";
    }

    private static String temporal(String literal, boolean withTime, int precision) {
        Matcher matcher = TEMPORAL.matcher(literal.trim());
        if (!matcher.matches()) {
            return literal;
        }
        String date = "%s-%02d-%02d".formatted(matcher.group(1), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        if (!withTime) {
            return date;
        }
        String time = matcher.group(4) == null ? "00:00:00" : "%02d:%02d:%02d".formatted(
                Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)),
                Integer.parseInt(matcher.group(6)));
        return date + " " + time + fraction(matcher.group(7), precision);
    }

    private static String time(String literal, int precision) {
        Matcher matcher = TIME.matcher(literal.trim());
        if (!matcher.matches()) {
            return literal;
        }
        return "%s%02d:%02d:%02d".formatted(matcher.group(1), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)), matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4)))
                + fraction(matcher.group(5), precision);
    }

    private static String fraction(String digits, int precision) {
        if (precision == 0) {
            return "";
        }
        String given = digits == null ? "" : digits;
        return "." + (given + "0".repeat(precision)).substring(0, precision);
    }

    /** MariaDB stores a SET value as its members in declaration order. */
    private static String setValue(String literal, List<String> labels) {
        Set<String> members = new LinkedHashSet<>();
        for (String member : literal.split(",", -1)) {
            members.add(member.toLowerCase(Locale.ROOT));
        }
        List<String> ordered = labels.stream().filter(label -> members.contains(label.toLowerCase(Locale.ROOT)))
                .toList();
        return literal.isEmpty() ? "" : String.join(",", ordered);
    }
}
