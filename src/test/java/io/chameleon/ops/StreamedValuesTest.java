package io.chameleon.ops;

import io.chameleon.mysql.SourceFixtures;
import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are the same whichever path brings them: rows that the live stream inserts, updates, re-keys and
 * re-inserts end as the very rows the initial copy makes of the same source rows. Each table {@code t} is copied
 * with its rows, and its empty twin {@code t_streamed} is filled through the stream.
 */
@RealServers
class StreamedValuesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @BeforeAll
    static void tables(MariaDbDatabase source) {
        source.execute(SourceFixtures.EVERY_TYPE);
        source.execute("SET SESSION time_zone = '+00:00'",
                "INSERT INTO every_type (id, c_varchar, c_timestamp, c_set, c_enum, c_float, c_double) VALUES"
                        + " (4, 'a', NULL, 'y''s', 'a', -3.4028234663852886e38, -1.7976931348623157e308),"
                        + " (5, 'b', NULL, 'z,x', 'b,c', 1.17549435e-38, 2.2250738585072014e-308)",
                // fixed-length binary values: the binlog cuts their trailing zero bytes
                "CREATE TABLE fixed_binary (id INT PRIMARY KEY, u UUID, ip INET6, b BINARY(4), k BINARY(3) NOT NULL,"
                        + " UNIQUE KEY uk_k (k))",
                "INSERT INTO fixed_binary VALUES"
                        + " (1, '123e4567-e89b-12d3-a456-426614174000', '2001:db8::1', 0x00000000, 0x000000),"
                        + " (2, 'f47ac10b-58cc-4372-a567-0e02b2c3d479', '::', 0x01000000, 0x010000),"
                        + " (3, '01890a5d-ac96-774b-bcce-b302099a8000', '::ffff:1.2.3.4', 0x00000001, 0x000100),"
                        + " (4, '00000000-0000-0000-0000-000000000000', 'fe80::1:0:0:0', 0x0a0d0000, 0x00000a),"
                        + " (5, 'a0eebc99-9c0b-4ef8-ff6d-6bb9bd380a00', '2001:db8::', NULL, 0x5c0000),"
                        + " (6, 'ffffffff-ffff-ffff-ffff-ffffffffffff', '::1', 0xffffffff, 0xffffff)",
                // a BINARY key whose values end in zero bytes: updates and deletes must find their rows
                "CREATE TABLE binary_key (id BINARY(4) PRIMARY KEY, n INT NOT NULL)",
                "INSERT INTO binary_key VALUES (0x00000000, 1), (0x01000000, 2), (0x01020000, 3), (0x01020300, 4),"
                        + " (0x01020304, 5)",
                "CREATE TABLE binary_key_streamed LIKE binary_key",
                "CREATE TABLE every_type_streamed LIKE every_type",
                "CREATE TABLE fixed_binary_streamed LIKE fixed_binary");
    }

    @Test
    void rowsStreamedLiveEqualTheirCopy(MariaDbDatabase source, PostgresDatabase target, @TempDir Path home)
            throws InterruptedException {
        String config = TestConfig.between(source, target).set("PG_SCHEMA", "typed").write(home, "streamed")
                .toString();
        List<String> copiedEveryType;
        List<String> copiedFixedBinary;
        List<String> copiedBinaryKey;
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            copiedEveryType = rowTexts(target, "every_type");
            copiedFixedBinary = rowTexts(target, "fixed_binary");
            assertThat(copiedEveryType).hasSize(5);
            copiedBinaryKey = rowTexts(target, "binary_key");
            assertThat(copiedFixedBinary).hasSize(6);
            // c_uuid and k are unique: they keep their values; c_timestamp is assigned, or ON UPDATE
            // CURRENT_TIMESTAMP would change it on the source when the key changes
            streamThrough(source, "every_type", "c_uuid", ", c_timestamp = c_timestamp");
            streamThrough(source, "fixed_binary", "k", "");
            source.execute("INSERT INTO binary_key_streamed SELECT * FROM binary_key",
                    "UPDATE binary_key_streamed SET n = n + 10", "UPDATE binary_key_streamed SET n = n - 10",
                    "UPDATE binary_key_streamed SET id = 0x09000000 WHERE id = 0x01000000",
                    "UPDATE binary_key_streamed SET id = 0x01000000 WHERE id = 0x09000000",
                    "DELETE FROM binary_key_streamed WHERE n IN (1, 3)",
                    "INSERT INTO binary_key_streamed SELECT * FROM binary_key WHERE n IN (1, 3)");

            Eventually.equals(copiedEveryType, () -> streamed(target, "every_type", copiedEveryType), DEADLINE);
            Eventually.equals(copiedFixedBinary, () -> streamed(target, "fixed_binary", copiedFixedBinary), DEADLINE);
            Eventually.equals(copiedBinaryKey, () -> streamed(target, "binary_key", copiedBinaryKey), DEADLINE);
            assertThat(replica.failure()).isNull();
        }
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.replay_error").get(0).get(0))
                .isEqualTo(0L);
        assertThat(target.queryForList("SELECT count(*) FROM chameleon_catalogue.discarded_row").get(0).get(0))
                .isEqualTo(0L);
    }

    /**
     * Into {@code <table>_streamed}: every row inserted; its columns (but the key and {@code unique}) updated to
     * another row's values and back, so update images carry every type and NULL; its key changed and changed
     * back; half the rows deleted and inserted again.
     */
    private static void streamThrough(MariaDbDatabase source, String table, String unique, String keepOnKeyChange) {
        String streamed = table + "_streamed";
        String fromOther = source.queryForList("SELECT column_name FROM information_schema.columns WHERE"
                        + " table_schema = DATABASE() AND table_name = '" + table + "' AND column_name NOT IN ('id', '"
                        + unique + "') ORDER BY ordinal_position").stream()
                .map(row -> "s." + row.get(0) + " = e." + row.get(0)).collect(Collectors.joining(", "));
        source.execute("SET SESSION time_zone = '+00:00'",
                "INSERT INTO " + streamed + " SELECT * FROM " + table,
                "UPDATE " + streamed + " s JOIN " + table + " e ON e.id = s.id % 5 + 1 SET " + fromOther,
                "UPDATE " + streamed + " s JOIN " + table + " e ON e.id = s.id SET " + fromOther,
                "UPDATE " + streamed + " SET id = id + 100" + keepOnKeyChange,
                "UPDATE " + streamed + " SET id = id - 100" + keepOnKeyChange,
                "DELETE FROM " + streamed + " WHERE id IN (1, 3, 5)",
                "INSERT INTO " + streamed + " SELECT * FROM " + table + " WHERE id IN (1, 3, 5)");
    }

    /** The streamed rows; while they differ from the copy, what differs (and why, when the catalogue says). */
    private static List<String> streamed(PostgresDatabase target, String table, List<String> copied) {
        List<String> streamed = rowTexts(target, table + "_streamed");
        if (streamed.equals(copied)) {
            return streamed;
        }
        List<String> differences = new ArrayList<>();
        copied.stream().filter(row -> !streamed.contains(row)).forEach(row -> differences.add("copy only: " + row));
        streamed.stream().filter(row -> !copied.contains(row)).forEach(row -> differences.add("stream only: " + row));
        target.queryForList("SELECT table_name, column_name, reason FROM chameleon_catalogue.discarded_row")
                .forEach(row -> differences.add("discarded: " + row));
        target.queryForList("SELECT error_message FROM chameleon_catalogue.replay_error")
                .forEach(row -> differences.add("replay error: " + row));
        return differences;
    }

    /** Each row as PostgreSQL prints the whole record, in key order. */
    private static List<String> rowTexts(PostgresDatabase target, String table) {
        return target.queryForList("SELECT t::text FROM typed." + table + " t ORDER BY id").stream()
                .map(row -> (String) row.get(0)).toList();
    }
}
