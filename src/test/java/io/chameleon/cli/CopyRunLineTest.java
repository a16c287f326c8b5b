package io.chameleon.cli;

import io.chameleon.catalogue.CopyRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** show_status's copy line: progress, rate and ETA while running; how it ended; a copy gone silent is killed. */
class CopyRunLineTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 12, 6, 20, 0, 0, 0, ZoneOffset.UTC);
    private static final long LIVE_PID = ProcessHandle.current().pid();

    @Test
    void aRunningCopyShowsProgressRateAndEta() {
        CopyRun run = new CopyRun(1, "init_replica", CopyRun.RUNNING, 4, 1, 200_000, 1_000_000, 20L << 20,
                CopyRun.thisHost(), LIVE_PID, START, START.plusSeconds(10), null, null, Duration.ofSeconds(1));

        assertThat(CopyRunLine.of("shop", run)).isEqualTo("shop: init_replica running (pid " + LIVE_PID + " on "
                + CopyRun.thisHost() + ", since 2026-12-06 20:00:00 +00:00): 1/4 tables, 200,000 of ~1,000,000 rows,"
                + " 20.0 MiB, 20,000 rows/s, 2.0 MiB/s, ETA 40s");
    }

    @Test
    void howItEnded() {
        CopyRun finished = new CopyRun(1, "sync_tables", CopyRun.FINISHED, 2, 2, 10, 10, 2048, "elsewhere", 1,
                START, START.plusSeconds(75), START.plusSeconds(75), "2 tables", Duration.ofMinutes(5));
        CopyRun failed = new CopyRun(1, "refresh_schema", CopyRun.FAILED, 2, 0, 0, 10, 0, "elsewhere", 1, START,
                START.plusSeconds(3), START.plusSeconds(3), "tables not found", Duration.ofMinutes(5));

        assertThat(CopyRunLine.of("shop", finished)).isEqualTo("shop: last copy sync_tables finished 2026-12-06"
                + " 20:01:15 +00:00: 2/2 tables, 10 of ~10 rows, 2.0 KiB in 1m15s");
        assertThat(CopyRunLine.of("shop", failed)).isEqualTo("shop: last copy refresh_schema failed 2026-12-06"
                + " 20:00:03 +00:00 after 0/2 tables, 0 of ~10 rows, 0.0 KiB: tables not found; nothing of it was"
                + " published");
    }

    @Test
    void aCopyWhoseProcessIsGoneOrSilentWasKilled() {
        CopyRun silentElsewhere = new CopyRun(1, "init_replica", CopyRun.RUNNING, 4, 1, 5, 50, 100, "other-host",
                LIVE_PID, START, START.plusSeconds(4), null, null, CopyRun.SILENT_AFTER.plusSeconds(1));
        CopyRun liveElsewhere = new CopyRun(1, "init_replica", CopyRun.RUNNING, 4, 1, 5, 50, 100, "other-host",
                LIVE_PID, START, START.plusSeconds(4), null, null, Duration.ofSeconds(3));

        assertThat(silentElsewhere.effectiveState()).isEqualTo(CopyRun.KILLED);
        assertThat(liveElsewhere.effectiveState()).isEqualTo(CopyRun.RUNNING);
        assertThat(CopyRunLine.of("shop", silentElsewhere)).startsWith("shop: last copy init_replica killed"
                + " (process " + LIVE_PID + " on other-host ended without finishing; last progress 2026-12-06"
                + " 20:00:04 +00:00: 1/4 tables, 5 of ~50 rows").endsWith("run init_replica again");
    }
}
