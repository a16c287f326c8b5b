package io.chameleon.ops;

import io.chameleon.testsupport.Eventually;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables created and altered with MariaDB spellings Druid's grammar lacks (io.chameleon.ddl.MariaDbSpellings) and
 * with odd precisions reach PostgreSQL with their rows, instead of silently never being replicated.
 */
@RealServers
class MariaDbSpellingsReplicationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void tablesWrittenInMariaDbSpellingsReplicate(MariaDbDatabase source, PostgresDatabase target,
                                                  @TempDir Path home) throws Exception {
        source.execute("CREATE TABLE anchor (id INT PRIMARY KEY)");
        String config = TestConfig.between(source, target).set("CATALOGUE", "cat_spell").set("PG_SCHEMA", "spell_s")
                .write(home, "spellings").toString();
        try (ReplicaHarness replica = ReplicaHarness.initAndStart(config, target)) {
            source.execute(
                    "CREATE TABLE ser (id SMALLINT SERIAL DEFAULT VALUE, v INT, s INT INVISIBLE) DEFAULT CHAR SET=latin1",
                    "INSERT INTO ser (v, s) VALUES (1, 10), (2, 20)",
                    "create table žluťoučký (kůň int primary key, `ž` varchar(5) CHARSET utf8mb4)",
                    "INSERT INTO žluťoučký VALUES (1, 'kůň')",
                    "CREATE TABLE dec_odd (id INT PRIMARY KEY, c2 decimal(19.5), c3 decimal(0.2))",
                    "INSERT INTO dec_odd VALUES (1, 1234567890123456789, 42)",
                    "CREATE TABLE copy_like (LIKE dec_odd)",
                    "INSERT INTO copy_like VALUES (2, 5, 6)",
                    "ALTER TABLE ser ADD (w INT, INDEX iw (w)), ADD COLUMN x CHAR VARYING(3) INVISIBLE",
                    "INSERT INTO ser (v, s, w, x) VALUES (3, 30, 300, 'abc')",
                    "CREATE OR REPLACE TABLE dec_odd (id INT PRIMARY KEY, n NATIONAL CHAR VARYING(5))",
                    "INSERT INTO dec_odd VALUES (9, 'new')",
                    "CREATE TABLE `#` (id INT PRIMARY KEY)",
                    "INSERT INTO `#` VALUES (1)",
                    "TRUNCATE `#`",
                    "INSERT INTO `#` VALUES (2)",
                    "INSERT INTO anchor VALUES (1)");

            Eventually.equals(List.of(List.of(1)), () -> target.queryForList("SELECT id FROM spell_s.anchor"),
                    DEADLINE);
            assertThat(target.queryForList("SELECT id, v, s, w, x FROM spell_s.ser ORDER BY id")).containsExactly(
                    java.util.Arrays.asList(1, 1, 10, null, null), java.util.Arrays.asList(2, 2, 20, null, null),
                    List.of(3, 3, 30, 300, "abc"));
            assertThat(target.queryForList("SELECT \"kůň\", \"ž\" FROM spell_s.\"žluťoučký\""))
                    .containsExactly(List.of(1, "kůň"));
            assertThat(target.queryForList("SELECT id, c2, c3 FROM spell_s.copy_like"))
                    .containsExactly(List.of(2, new BigDecimal("5"), new BigDecimal("6")));
            assertThat(target.queryForList("SELECT id, n FROM spell_s.dec_odd")).containsExactly(List.of(9, "new"));
            assertThat(target.queryForList("SELECT id FROM spell_s.\"#\"")).containsExactly(List.of(2));
            assertThat(target.queryForList("SELECT count(*) FROM cat_spell.replay_error")).containsExactly(List.of(0L));
            assertThat(replica.failure()).isNull();
        }
    }
}
