package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With PostGIS in the target database, spatial columns become {@code geometry} and keep their SRID, through the
 * copy and through the live stream alike (both go through the same codec). Needs the postgis package of the
 * PostgreSQL server (.ci/run installs it).
 */
@RealServers
class PostGisTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** One line per row, the same text on both sides (CONCAT_WS and concat_ws both leave NULLs out). */
    private static final String SOURCE_TEXT = "SELECT CONCAT_WS('|', id, ST_AsText(pos), ST_SRID(pos), ST_AsText(area),"
            + " ST_AsText(g), ST_SRID(g)) FROM places ORDER BY id";
    private static final String TARGET_TEXT = "SELECT concat_ws('|', id, ST_AsText(pos), ST_SRID(pos), ST_AsText(area),"
            + " ST_AsText(g), ST_SRID(g)) FROM geo.places ORDER BY id";

    @Test
    void spatialColumnsBecomeGeometryWithTheirSrid(MariaDbDatabase source, PostgresDatabase target,
                                                   @TempDir Path home) throws Exception {
        target.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        source.execute("CREATE TABLE places (id INT PRIMARY KEY, pos POINT NOT NULL, area POLYGON, g GEOMETRY)",
                "INSERT INTO places VALUES (1, ST_GeomFromText('POINT(1 2)'),"
                        + " ST_GeomFromText('POLYGON((0 0,4 0,4 4,0 4,0 0))'), ST_GeomFromText('LINESTRING(0 0,1 1)'))",
                "INSERT INTO places VALUES (2, ST_GeomFromText('POINT(2.5 -3.25)', 4326), NULL,"
                        + " ST_GeomFromText('MULTILINESTRING((1 1,2 2))', 4326))");
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "geo").set("CATALOGUE", "cat_geo")
                .write(home, "geo").toString();

        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            assertThat(target.queryForList("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE"
                    + " attrelid = 'geo.places'::regclass AND attname IN ('pos', 'area', 'g') ORDER BY attname"))
                    .containsExactly(List.of("geometry"), List.of("geometry"), List.of("geometry"));
            assertThat(target.queryForList(TARGET_TEXT)).isEqualTo(source.queryForList(SOURCE_TEXT));

            source.execute("INSERT INTO places VALUES (3, ST_GeomFromText('POINT(10 20)', 3857),"
                            + " ST_GeomFromText('POLYGON((1 1,2 1,2 2,1 1))'), NULL)",
                    "UPDATE places SET pos = ST_GeomFromText('POINT(7 8)', 4326) WHERE id = 1");
            List<List<Object>> expected = source.queryForList(SOURCE_TEXT);
            Eventually.equals(expected, () -> target.queryForList(TARGET_TEXT), DEADLINE);
            assertThat(expected).containsExactly(
                    List.of("1|POINT(7 8)|4326|POLYGON((0 0,4 0,4 4,0 4,0 0))|LINESTRING(0 0,1 1)|0"),
                    List.of("2|POINT(2.5 -3.25)|4326|MULTILINESTRING((1 1,2 2))|4326"),
                    List.of("3|POINT(10 20)|3857|POLYGON((1 1,2 1,2 2,1 1))"));
        }
    }
}
