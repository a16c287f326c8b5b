package io.chameleon.schema;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceCharset;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.PgIdentifiers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the PostgreSQL type, default and value codec of a MySQL column: the one mapping used by the initial
 * copy, the binlog stream and DDL replication (BEHAVIOUR.md, "Types"). Lossless by default; {@code type_override}
 * replaces the type (the value text stays what MySQL holds, cast by PostgreSQL on input; only a TIME codec checks
 * its range when the override makes the column PostgreSQL's time of day). Under the {@code null} bad-value policy a
 * date, datetime or timestamp column outside the keys is nullable, since MySQL may hold zero dates in it.
 */
public final class TypeMapper {

    private static final SourceCharset UTF8 = SourceCharset.of("utf8mb4");
    private static final Set<String> IDENTITY_TYPES = Set.of("smallint", "integer", "bigint", "int2", "int4",
            "int8", "int");
    private static final Pattern BIT_WIDTH = Pattern.compile("bit\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private final Map<String, TypeOverride> overrides;
    private final boolean postgis;
    private final boolean zeroDatesAsNull;
    private final ColumnDefaults defaults = new ColumnDefaults();

    /**
     * @param overrides {@code type_override}: full MySQL column type text to the override
     * @param postgis   the target database has the PostGIS extension
     * @param policy    {@code bad_value_policy}, which decides whether zero dates need nullable columns
     */
    public TypeMapper(Map<String, TypeOverride> overrides, boolean postgis, BadValuePolicy policy) {
        this.overrides = new LinkedHashMap<>();
        overrides.forEach((type, override) -> this.overrides.put(type.toLowerCase(Locale.ROOT).strip(), override));
        this.postgis = postgis;
        this.zeroDatesAsNull = policy.nullsValues();
    }

    public PgColumn map(SourceTable table, SourceColumn column) {
        return map(table.schema(), table.name(), column, isKeyColumn(table, column));
    }

    /**
     * A column outside the table's keys.
     *
     * @param originSchema the MySQL database, against which {@code type_override} table lists are matched
     * @param table        the MySQL table name
     */
    public PgColumn map(String originSchema, String table, SourceColumn column) {
        return map(originSchema, table, column, false);
    }

    private PgColumn map(String originSchema, String table, SourceColumn column, boolean keyColumn) {
        List<String> notes = new ArrayList<>();
        TypeOverride override = override(originSchema, table, column);
        PgEnumType enumType = override == null && column.type() == MySqlType.ENUM
                ? new PgEnumType(PgNames.enumType(table, column.name()), column.enumLabels()) : null;
        String type = override != null ? override.overrideTo()
                : enumType != null ? PgIdentifiers.quote(enumType.name()) : defaultType(column);
        ValueCodec codec = codec(column, type);
        boolean notNull = !column.nullable();
        if (notNull && zeroDatesAsNull && !keyColumn && holdsDates(codec)) {
            notNull = false;
            notes.add("NOT NULL not kept: a zero date in it becomes NULL (bad_value_policy null)");
        }

        boolean identity = column.autoIncrement() && IDENTITY_TYPES.contains(type.toLowerCase(Locale.ROOT));
        if (column.autoIncrement() && !identity) {
            notes.add("auto_increment not kept: " + type + " cannot be an identity column");
        }
        String defaultSql = identity ? null : defaults.translate(column, codec, override != null, notes);
        String extra = column.extra().toLowerCase(Locale.ROOT);
        if (extra.contains("on update")) {
            notes.add(column.extra() + " not kept: updated values come from the stream");
        }
        if (extra.contains("generated")) {
            notes.add("generated column copied as a plain column (" + column.extra() + ")");
        }
        return new PgColumn(column.name(), type, enumType, notNull, defaultSql, identity, codec,
                notes.stream().map(note -> "column " + column.name() + ": " + note).toList());
    }

    /** A column of the primary key or the replica key: PostgreSQL keys are NOT NULL. */
    private static boolean isKeyColumn(SourceTable table, SourceColumn column) {
        boolean primary = table.indexes().stream().filter(index -> index.kind() == IndexKind.PRIMARY)
                .map(SourceIndex::columns).anyMatch(columns -> columns.contains(column.name()));
        return primary || table.replicaKey().map(key -> key.contains(column.name())).orElse(false);
    }

    /** DATE, DATETIME and TIMESTAMP: MySQL may hold zero dates in them. */
    private static boolean holdsDates(ValueCodec codec) {
        return codec instanceof DateCodec || codec instanceof DateTimeCodec;
    }

    private TypeOverride override(String originSchema, String table, SourceColumn column) {
        TypeOverride override = overrides.get(column.columnType().toLowerCase(Locale.ROOT).strip());
        if (override == null) {
            return null;
        }
        boolean applies = override.appliesToAllTables() || override.tables().contains(originSchema + "." + table);
        return applies ? override : null;
    }

    /** One case per MySqlType and no default: a new constant does not compile until it is mapped here. */
    private String defaultType(SourceColumn column) {
        boolean unsigned = column.unsigned();
        return switch (column.type()) {
            case TINYINT -> "smallint";
            case SMALLINT -> unsigned ? "integer" : "smallint";
            case MEDIUMINT -> "integer";
            case INT -> unsigned ? "bigint" : "integer";
            case BIGINT -> unsigned ? "numeric(20)" : "bigint";
            case BIT -> "bit(" + bitWidth(column) + ")";
            case DECIMAL -> "numeric(" + column.numericPrecision() + "," + column.numericScale() + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case CHAR -> sized("char", column);
            case VARCHAR -> sized("varchar", column);
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> "text";
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> "bytea";
            case DATE -> "date";
            case DATETIME -> "timestamp(" + fractionDigits(column) + ")";
            case TIMESTAMP -> "timestamptz(" + fractionDigits(column) + ")";
            case TIME -> "interval(" + fractionDigits(column) + ")"; // MySQL's TIME is a duration of up to 838 h
            case YEAR -> "smallint";
            case SET -> "text[]";
            case JSON -> "jsonb";
            case UUID -> "uuid";
            case INET4, INET6 -> "inet";
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON,
                    GEOMETRYCOLLECTION -> postgis ? "geometry" : "bytea";
            // map() gives an enum column (without type_override) its own PostgreSQL enum type instead
            case ENUM, UNKNOWN -> throw new UnsupportedTypeException(column);
        };
    }

    /** @param type the PostgreSQL type the column gets, which a TIME's codec follows */
    private ValueCodec codec(SourceColumn column, String type) {
        String name = column.name();
        return switch (column.type()) {
            case TINYINT, SMALLINT, MEDIUMINT, INT, DECIMAL -> new ExactNumberCodec(name);
            case BIGINT -> column.unsigned() ? new UnsignedBigintCodec(name) : new ExactNumberCodec(name);
            case FLOAT -> new FloatCodec(name, true);
            case DOUBLE -> new FloatCodec(name, false);
            case BIT -> new BitCodec(name, bitWidth(column));
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> SourceCharset.ofColumn(column.charset())
                    .<ValueCodec>map(charset -> new TextCodec(name, charset))
                    .orElseGet(() -> new BytesCodec(name));
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> new BytesCodec(name);
            case DATE -> new DateCodec(name);
            case DATETIME -> new DateTimeCodec(name, false);
            case TIMESTAMP -> new DateTimeCodec(name, true);
            case TIME -> new TimeCodec(name, isTimeOfDay(type));
            case YEAR -> new YearCodec(name);
            case ENUM -> new EnumCodec(name, columnCharset(column), column.enumLabels());
            case SET -> new SetCodec(name, columnCharset(column), column.setLabels());
            case JSON -> new JsonCodec(name, columnCharset(column));
            case UUID, INET4, INET6 -> new TextCodec(name, SourceCharset.of("ascii"));
            case GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON,
                    GEOMETRYCOLLECTION -> new GeometryCodec(name, postgis);
            case UNKNOWN -> throw new UnsupportedTypeException(column);
        };
    }

    /** MySQL's JSON type reports no charset (it is utf8mb4); MariaDB's alias has its column charset. */
    private static SourceCharset columnCharset(SourceColumn column) {
        return SourceCharset.isBinary(column.charset()) ? UTF8 : SourceCharset.of(column.charset());
    }

    /** PostgreSQL's time (without or with time zone), as opposed to interval or text. */
    private static boolean isTimeOfDay(String type) {
        String lower = type.toLowerCase(Locale.ROOT).strip();
        return lower.startsWith("time") && !lower.startsWith("timestamp");
    }

    static int bitWidth(SourceColumn column) {
        Matcher width = BIT_WIDTH.matcher(column.columnType());
        return width.find() ? Integer.parseInt(width.group(1)) : 1;
    }

    private static String sized(String type, SourceColumn column) {
        Long length = column.maxLength();
        // char(0) / varchar(0) exist in MySQL (they hold '' or NULL); PostgreSQL needs a length of at least 1
        return length == null || length == 0 ? "text" : type + "(" + length + ")";
    }

    private static int fractionDigits(SourceColumn column) {
        return column.datetimePrecision() == null ? 0 : column.datetimePrecision();
    }
}
