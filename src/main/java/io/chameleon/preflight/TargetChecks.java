package io.chameleon.preflight;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The target PostgreSQL: version, the right to create schemas, the extensions needed, room for the copy. */
final class TargetChecks {

    private static final String AREA = "postgresql";

    private TargetChecks() {
    }

    static List<CheckResult> run(Connection pg, String host, boolean spatialColumns, long sourceBytes)
            throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        String version = text(pg, "SHOW server_version");
        int number = Integer.parseInt(text(pg, "SHOW server_version_num"));
        results.add(number >= 120000 ? CheckResult.ok(AREA, "version", version)
                : CheckResult.warn(AREA, "version", version, "untested version; chameleon is tested with "
                + "PostgreSQL 15: upgrade to 12 or later"));
        String database = text(pg, "SELECT current_database()");
        String user = text(pg, "SELECT current_user");
        boolean create = "t".equals(text(pg, "SELECT has_database_privilege(current_database(), 'CREATE')"));
        results.add(create ? CheckResult.ok(AREA, "privilege CREATE", user + " may create schemas in " + database)
                : CheckResult.fail(AREA, "privilege CREATE", user + " may not create schemas in " + database,
                "GRANT CREATE ON DATABASE \"" + database + "\" TO \"" + user + "\" (the catalogue and the replicated"
                + " schemas are created there)"));
        results.add(postgis(pg, spatialColumns));
        results.add(space(pg, host, sourceBytes));
        return results;
    }

    private static CheckResult postgis(Connection pg, boolean spatialColumns) throws SQLException {
        String installed = text(pg, "SELECT coalesce((SELECT extversion FROM pg_extension WHERE extname = 'postgis'),"
                + " '')");
        if (!installed.isEmpty()) {
            return CheckResult.ok(AREA, "extension postgis", "installed, version " + installed);
        }
        if (!spatialColumns) {
            return CheckResult.ok(AREA, "extensions", "none needed (no spatial columns)");
        }
        boolean available = "t".equals(text(pg, "SELECT EXISTS (SELECT 1 FROM pg_available_extensions"
                + " WHERE name = 'postgis')"));
        return CheckResult.warn(AREA, "extension postgis", available ? "available, not installed" : "not available",
                (available ? "" : "install PostGIS for this PostgreSQL version on the server, then ")
                + "run CREATE EXTENSION postgis in the target database, or the spatial columns become bytea");
    }

    /** Free space is measurable only where this process sees the data directory: a server on this host. */
    private static CheckResult space(Connection pg, String host, long sourceBytes) {
        String need = RetentionCheck.mib(sourceBytes) + " MiB of source data";
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                return notMeasurable(need, "the server is on another host");
            }
            Path data = Path.of(text(pg, "SHOW data_directory"));
            if (!Files.isDirectory(data)) {
                return notMeasurable(need, "its data directory is not visible from here");
            }
            long free = Files.getFileStore(data).getUsableSpace();
            String found = RetentionCheck.mib(free) + " MiB free for the data directory, " + need;
            if (free < sourceBytes) {
                return CheckResult.fail(AREA, "free space", found, "free space on the volume of " + data
                        + ": the copy needs about as much as the source's data, plus indexes").copyOnly();
            }
            return (free < sourceBytes * 2 ? CheckResult.warn(AREA, "free space", found, "little room beyond the "
                    + "copy's size for indexes, the change log and growth; free space on the volume of " + data)
                    : CheckResult.ok(AREA, "free space", found)).copyOnly();
        } catch (SQLException | IOException | RuntimeException e) {
            return notMeasurable(need, e.getMessage());
        }
    }

    private static CheckResult notMeasurable(String need, String why) {
        return CheckResult.warn(AREA, "free space", "not measurable (" + why + "); " + need,
                "make sure the target's volume has room for the source's data, its indexes and the change log")
                .copyOnly();
    }

    private static String text(Connection pg, String sql) throws SQLException {
        try (Statement st = pg.createStatement(); ResultSet row = st.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
