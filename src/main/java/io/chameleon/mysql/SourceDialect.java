package io.chameleon.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements and privilege names that differ between server families and versions, chosen once from
 * {@code SELECT VERSION()}: {@code 8.4.3}, {@code 8.0.36-commercial}, {@code 10.11.9-MariaDB-log}, {@code 9.1.0}.
 * Every caller that sends a version-dependent statement asks this class for it.
 */
public final class SourceDialect {

    private static final Pattern VERSION = Pattern.compile("^(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceFlavour flavour;
    private final int major;
    private final int minor;
    private final int patch;

    private SourceDialect(SourceFlavour flavour, int major, int minor, int patch) {
        this.flavour = flavour;
        this.major = major;
        this.minor = minor;
        this.patch = patch;
    }

    /** From the text of {@code SELECT VERSION()}; MariaDB's may carry the {@code 5.5.5-} protocol prefix. */
    public static SourceDialect fromVersion(String version) {
        Matcher number = VERSION.matcher(version.trim());
        if (!number.find()) {
            throw new IllegalArgumentException("server version '" + version + "' does not start with "
                    + "MAJOR.MINOR; chameleon cannot tell which MySQL or MariaDB statements it understands");
        }
        return new SourceDialect(SourceFlavour.fromVersion(version), Integer.parseInt(number.group(1)),
                Integer.parseInt(number.group(2)), number.group(3) == null ? 0 : Integer.parseInt(number.group(3)));
    }

    public SourceFlavour flavour() {
        return flavour;
    }

    /**
     * The current binlog file and position. MySQL 8.2.0 renamed {@code SHOW MASTER STATUS} to
     * {@code SHOW BINARY LOG STATUS} and 8.4 removed the old name; MariaDB 10.5.2 renamed it {@code SHOW BINLOG
     * STATUS} and keeps the old name as an alias. Columns: File, Position, Binlog_Do_DB, Binlog_Ignore_DB, and on
     * MySQL 5.6+ Executed_Gtid_Set.
     */
    public String binlogStatusQuery() {
        if (flavour == SourceFlavour.MARIADB) {
            return atLeast(10, 5, 2) ? "SHOW BINLOG STATUS" : "SHOW MASTER STATUS";
        }
        return atLeast(8, 2, 0) ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    /**
     * Whether the binlog status row carries the executed GTID set (MySQL 5.6+), read in the same statement as the
     * file and position and so consistent with them. MariaDB's GTID position is a separate variable.
     */
    public boolean statusRowHasGtidSet() {
        return flavour == SourceFlavour.MYSQL && atLeast(5, 6, 0);
    }

    /** The server's GTID position as one value: MariaDB's per-domain position, MySQL's executed set. */
    public String gtidPositionQuery() {
        return flavour == SourceFlavour.MARIADB ? "SELECT @@GLOBAL.gtid_binlog_pos" : "SELECT @@GLOBAL.gtid_executed";
    }

    /**
     * {@code performance_schema.log_status} (MySQL 8.0.17+, needs BACKUP_ADMIN): binlog file, position and
     * gtid_executed read together while the server blocks logging for an instant. Empty on MariaDB and older MySQL.
     */
    public Optional<String> logStatusQuery() {
        return flavour == SourceFlavour.MYSQL && atLeast(8, 0, 17)
                ? Optional.of("SELECT LOCAL FROM performance_schema.log_status")
                : Optional.empty();
    }

    /**
     * The position in the {@code LOCAL} column of {@code log_status}: {@code {"gtid_executed": "uuid:1-5",
     * "binary_log_file": "binlog.000002", "binary_log_position": 1307}}.
     */
    public static BinlogPosition parseLogStatus(String local) {
        JsonNode json;
        try {
            json = JSON.readTree(local);
        } catch (IOException e) {
            throw new IllegalArgumentException("performance_schema.log_status LOCAL is not JSON: " + local, e);
        }
        JsonNode file = json == null ? null : json.get("binary_log_file");
        JsonNode position = json == null ? null : json.get("binary_log_position");
        if (file == null || file.asText().isEmpty() || position == null || !position.canConvertToLong()) {
            throw new IllegalArgumentException("performance_schema.log_status LOCAL has no binary_log_file and "
                    + "binary_log_position (is log_bin on?): " + local);
        }
        JsonNode gtid = json.get("gtid_executed");
        return new BinlogPosition(file.asText(), position.asLong(), gtid == null ? null : gtidSet(gtid.asText()));
    }

    /** MySQL prints long GTID sets with a newline after each comma; the set itself has no blanks. */
    public static String gtidSet(String printed) {
        if (printed == null) {
            return null;
        }
        String set = printed.replaceAll("\\s+", "");
        return set.isEmpty() ? null : set;
    }

    /**
     * The grant that lets the source user read the binlog and its position, in this server's privilege names:
     * MariaDB 10.5.2 split BINLOG MONITOR out of REPLICATION CLIENT (which became its alias); MySQL 8.0 to 9 still
     * call the privileges REPLICATION SLAVE and REPLICATION CLIENT, whatever the statements are called.
     */
    public String replicationGrant(String user) {
        String monitor = flavour == SourceFlavour.MARIADB && atLeast(10, 5, 2)
                ? "BINLOG MONITOR" : "REPLICATION CLIENT";
        return "GRANT REPLICATION SLAVE, " + monitor + " ON *.* TO '" + user.replace("'", "''") + "'@'<host>'";
    }

    private boolean atLeast(int wantedMajor, int wantedMinor, int wantedPatch) {
        if (major != wantedMajor) {
            return major > wantedMajor;
        }
        if (minor != wantedMinor) {
            return minor > wantedMinor;
        }
        return patch >= wantedPatch;
    }

    @Override
    public String toString() {
        return flavour + " " + major + '.' + minor + '.' + patch;
    }
}
