package io.chameleon.mysql;

import io.chameleon.config.SkipEvents;
import io.chameleon.config.SourceConfig;
import io.chameleon.config.SourceType;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** MariaDB tables covering every type row of BEHAVIOUR.md and every key situation, with rows of edge values. */
public final class SourceFixtures {

    /** One column per type row; rows 1 (maxima), 2 (minima and precision traps), 3 (NULLs). */
    public static final String[] EVERY_TYPE = {
            "SET SESSION sql_mode = 'STRICT_ALL_TABLES'",
            "SET SESSION time_zone = '+00:00'",
            """
            CREATE TABLE every_type (
              id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
              c_tinyint TINYINT NOT NULL DEFAULT -5,
              c_tinyint_u TINYINT UNSIGNED,
              c_bool TINYINT(1) DEFAULT 1,
              c_smallint SMALLINT, c_smallint_u SMALLINT UNSIGNED,
              c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED,
              c_int INT, c_int_u INT UNSIGNED,
              c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED DEFAULT 18446744073709551615,
              c_bit1 BIT(1) DEFAULT b'1', c_bit12 BIT(12) DEFAULT b'101', c_bit64 BIT(64),
              c_decimal DECIMAL(65,30) DEFAULT 1.5,
              c_float FLOAT, c_double DOUBLE,
              c_char CHAR(10) DEFAULT 'it''s', c_varchar VARCHAR(255) NOT NULL DEFAULT '',
              c_latin1 VARCHAR(20) CHARACTER SET latin1,
              c_tinytext TINYTEXT, c_text TEXT, c_mediumtext MEDIUMTEXT, c_longtext LONGTEXT,
              c_binary BINARY(4), c_varbinary VARBINARY(100), c_tinyblob TINYBLOB, c_blob BLOB,
              c_mediumblob MEDIUMBLOB, c_longblob LONGBLOB,
              c_date DATE DEFAULT '2020-01-31', c_datetime DATETIME(6) DEFAULT '2000-01-01 00:00:00',
              c_timestamp TIMESTAMP(6) NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
              c_time TIME(6), c_year YEAR,
              c_enum ENUM('a','it''s','b,c') DEFAULT 'it''s',
              c_set SET('x','y''s','z') DEFAULT 'x,z',
              c_json JSON,
              c_geometry GEOMETRY, c_point POINT,
              c_uuid UUID, c_inet6 INET6,
              KEY ix_date (c_date),
              UNIQUE KEY uk_uuid (c_uuid)
            ) ENGINE=InnoDB""",
            "INSERT INTO every_type VALUES (1, 127, 255, 127, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295,"
                    + " 9223372036854775807, 18446744073709551615, b'1', b'101010101010', ~0,"
                    + " 99999999999999999999999999999999999.999999999999999999999999999999,"
                    + " 3.4028234663852886e38, 1.7976931348623157e308,"
                    + " 'it''s', 'héllo 😀 𝄞', 'café €', 'x', 'tab\\there', 'ü', '😀',"
                    + " 0x00FF0A0D, 0x00, '', 0x5C, UNHEX(REPEAT('00FF', 32768)), 0x" + allBytes() + ","
                    + " '9999-12-31', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999', '24:00:00', 2155,"
                    + " 'it''s', 'x,y''s,z', '{\"k\": \"ü😀\", \"n\": [1, 2.5, null, true], \"q\": \"a\\\\\"b\"}',"
                    + " ST_GeomFromText('POINT(1 2)', 4326), ST_GeomFromText('POINT(1.5 -2.5)'),"
                    + " '123e4567-e89b-12d3-a456-426614174000', '2001:db8::1')",
            "INSERT INTO every_type VALUES (2, -128, 0, -128, -32768, 0, -8388608, 0, -2147483648, 0,"
                    + " -9223372036854775808, 0, b'0', b'0', 0,"
                    + " -99999999999999999999999999999999999.999999999999999999999999999999,"
                    + " 1.2345678, 0.30000000000000004,"
                    + " '', '', '', '', '', '', '', 0x00000000, '', '', '', '', '',"
                    + " '1000-01-01', '1000-01-01 00:00:00', '1970-01-01 00:00:01', '00:00:00', 1901,"
                    + " 'b,c', '', '[]', NULL, NULL, NULL, NULL)",
            "INSERT INTO every_type (id, c_tinyint, c_varchar, c_timestamp, c_enum, c_set, c_year)"
                    + " VALUES (3, 0, 'x', NULL, NULL, NULL, 0)",
    };

    public static final String[] KEYS = {
            """
            CREATE TABLE composite_pk (a INT NOT NULL, b VARCHAR(10) NOT NULL, v TEXT, w VARCHAR(40),
              PRIMARY KEY (b, a), KEY ix_prefix (v(10)), FULLTEXT KEY ft_v (v), KEY ix_w_a (w, a))""",
            "CREATE TABLE nullable_unique (id INT NULL, code VARCHAR(5) NOT NULL, UNIQUE KEY uk_id (id))",
            """
            CREATE TABLE notnull_unique (id INT NULL, code VARCHAR(5) NOT NULL,
              UNIQUE KEY a_nullable (id), UNIQUE KEY z_code (code))""",
            "CREATE TABLE no_key (x INT)",
            "CREATE TABLE myisam_table (id INT NOT NULL PRIMARY KEY, n VARCHAR(10)) ENGINE=MyISAM",
            "CREATE TABLE bad_values (id INT PRIMARY KEY, d DATE, dt DATETIME, t TIME, v VARCHAR(10),"
                    + " j JSON, e ENUM('a','b'))",
            "SET SESSION sql_mode = ''",
            "INSERT INTO bad_values VALUES (1, '0000-00-00', '0000-00-00 00:00:00', '838:59:59', 'a', '{}', 'a'),"
                    + " (2, '2020-00-10', '2020-05-00 10:00:00', '-838:59:59', CONCAT('x', CHAR(0), 'y'),"
                    + " '{\"k\": \"\\\\u0000\"}', 'zzz')",
            "CREATE VIEW v_every AS SELECT id FROM every_type",
    };

    private SourceFixtures() {
    }

    /** Bytes 0x00..0xFF as hex, for a blob holding every byte value. */
    public static String allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return HexFormat.of().formatHex(bytes);
    }

    public static SourceConfig source(Map<String, String> schemaMappings, List<String> limit, List<String> skip) {
        return new SourceConfig("test", SourceType.MYSQL, null, schemaMappings, limit, skip, List.of(), "120s", 1,
                10000, 10000, "7 days", 1 << 20, null, null, 1, null, null, java.util.Optional.empty(), false,
                SkipEvents.NONE, false, 600, 1, 100_000, io.chameleon.config.BadValuePolicy.DISCARD, 8740, 300,
                false, java.util.Optional.empty());
    }
}
