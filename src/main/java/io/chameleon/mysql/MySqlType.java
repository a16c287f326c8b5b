package io.chameleon.mysql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MySQL or MariaDB column type, resolved once from the {@code DATA_TYPE} name
 * {@code information_schema.COLUMNS} reports ({@link SourceColumn#type()}); the text itself stays in
 * {@link SourceColumn#dataType()}, which is what the catalogue stores. Aliases a source may report resolve to one
 * constant ({@code integer} is {@link #INT}, {@code numeric} is {@link #DECIMAL}); a name no constant carries is
 * {@link #UNKNOWN}, which the type mapping refuses with {@code UnsupportedTypeException} naming the column.
 *
 * <p>How to add a MySQL type: add the constant with its names here, then build. The switches that decide what a
 * type becomes ({@code schema/TypeMapper}: PostgreSQL type and value codec, {@code capture/values/BinlogValueText}: how a
 * rows event's value reads, {@code ddl/ColumnDefinitions}: how a DDL default normalises) have one case per constant
 * and no {@code default}, so they do not compile until the new constant is placed in each; {@code
 * MySqlTypeCoverageTest} then fails naming any constant the type mapping still refuses. Sets of types
 * ({@code copy/KeyRanges}' splittable integers) are opt-in and need no edit. Last, give a column of it edge
 * values in the tests' {@code SourceFixtures.EVERY_TYPE}, which the copy and the stream both replicate.
 */
public enum MySqlType {
    TINYINT("tinyint"),
    SMALLINT("smallint"),
    MEDIUMINT("mediumint"),
    INT("int", "integer"),
    BIGINT("bigint"),
    DECIMAL("decimal", "numeric"),
    FLOAT("float"),
    DOUBLE("double", "double precision", "real"),
    BIT("bit"),
    DATE("date"),
    DATETIME("datetime"),
    TIMESTAMP("timestamp"),
    TIME("time"),
    YEAR("year"),
    CHAR("char"),
    VARCHAR("varchar"),
    BINARY("binary"),
    VARBINARY("varbinary"),
    TINYTEXT("tinytext"),
    TEXT("text"),
    MEDIUMTEXT("mediumtext"),
    LONGTEXT("longtext"),
    TINYBLOB("tinyblob"),
    BLOB("blob"),
    MEDIUMBLOB("mediumblob"),
    LONGBLOB("longblob"),
    ENUM("enum"),
    SET("set"),
    /** MySQL's json type, and MariaDB's JSON alias (a longtext with a json_valid check) as discovery reports it. */
    JSON("json"),
    GEOMETRY("geometry"),
    POINT("point"),
    LINESTRING("linestring"),
    POLYGON("polygon"),
    MULTIPOINT("multipoint"),
    MULTILINESTRING("multilinestring"),
    MULTIPOLYGON("multipolygon"),
    /** {@code geomcollection} is MySQL 8's name for it. */
    GEOMETRYCOLLECTION("geometrycollection", "geomcollection"),
    /** MariaDB 10.7+. */
    UUID("uuid"),
    /** MariaDB 11.3+. */
    INET4("inet4"),
    /** MariaDB 10.5+. */
    INET6("inet6"),
    /** A name no constant carries ({@code vector}, a plugin's type): no mapping, so tables with it are skipped. */
    UNKNOWN();

    private static final Map<String, MySqlType> BY_NAME = new HashMap<>();

    static {
        for (MySqlType type : values()) {
            for (String name : type.names) {
                BY_NAME.put(name, type);
            }
        }
    }

    private final List<String> names;

    MySqlType(String... names) {
        this.names = List.of(names);
    }

    /** @param dataType a {@code DATA_TYPE} name, in any case */
    public static MySqlType of(String dataType) {
        return BY_NAME.getOrDefault(dataType.toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** The name {@code information_schema} reports for it; none for {@link #UNKNOWN}. */
    public String dataTypeName() {
        if (names.isEmpty()) {
            throw new IllegalStateException("UNKNOWN stands for any name without a constant; it has none");
        }
        return names.get(0);
    }
}
