package io.chameleon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs two probe test classes through a nested JUnit launcher to observe what the extension does around them. */
@RealServers
class RealServersExtensionTest {

    private static volatile boolean launchingProbes;

    private final MariaDbDatabase constructorMariaDb;

    RealServersExtensionTest(MariaDbDatabase mariadb) {
        this.constructorMariaDb = mariadb;
    }

    @Test
    void injectsTheSameDatabasesEverywhereInOneClass(MariaDbDatabase mariadb, PostgresDatabase postgres) {
        assertSame(constructorMariaDb, mariadb);
        assertEquals(mariadb.name(), postgres.name());
        assertTrue(mariadb.name().startsWith("real_servers_extension_test_"), mariadb.name());
        assertTrue(mariadb.name().length() <= DatabaseNames.MAX_LENGTH);
        assertTrue(TestServers.mariadb().databaseExists(mariadb.name()));
        assertTrue(TestServers.postgres().databaseExists(postgres.name()));
    }

    @Test
    void givesEachClassItsOwnDatabasesAndDropsThemAfterTheClass() {
        TestExecutionSummary summary = runProbes(ProbeA.class, ProbeB.class);

        assertEquals(4, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(0, summary.getTestsFailedCount(), () -> failures(summary));
        assertNotEquals(ProbeA.seen.mariadb.name(), ProbeB.seen.mariadb.name());
        assertEquals(List.of(List.of(1L)), ProbeA.seen.rowsInOwnTable);
        assertEquals(List.of(List.of(0L)), ProbeB.seen.rowsInOwnTable, "ProbeB must not see ProbeA's rows");
        boolean keep = TestEnvironment.keep(); // then databases are deliberately left behind
        for (Probe probe : List.of(ProbeA.seen, ProbeB.seen)) {
            assertEquals(keep, TestServers.mariadb().databaseExists(probe.mariadb.name()), probe.mariadb.name());
            assertEquals(keep, TestServers.postgres().databaseExists(probe.postgres.name()), probe.postgres.name());
        }
    }

    private static TestExecutionSummary runProbes(Class<?>... probes) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(java.util.Arrays.stream(probes).map(p -> selectClass(p)).toList())
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launchingProbes = true;
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            launchingProbes = false;
        }
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringBuilder text = new StringBuilder();
        summary.getFailures().forEach(f -> text.append(f.getTestIdentifier().getDisplayName()).append(": ")
                .append(f.getException()).append('\n'));
        return text.toString();
    }

    static boolean launchingProbes() {
        return launchingProbes;
    }

    /** What a probe class saw; read by the outer test after the probe class has finished. */
    record Probe(MariaDbDatabase mariadb, PostgresDatabase postgres, List<List<Object>> rowsInOwnTable) {
    }

    /** Writes a row; must not leak into ProbeB. Only runs inside {@link #runProbes}, never on its own. */
    @RealServers
    @EnabledIf("io.chameleon.testsupport.RealServersExtensionTest#launchingProbes")
    static class ProbeA {
        static volatile Probe seen;

        @BeforeAll
        static void createTables(MariaDbDatabase mariadb, PostgresDatabase postgres) {
            mariadb.execute("CREATE TABLE marker (id INT PRIMARY KEY)", "INSERT INTO marker VALUES (1)");
            postgres.execute("CREATE TABLE marker (id int PRIMARY KEY)");
        }

        @Test
        void seesItsOwnRow(MariaDbDatabase mariadb, PostgresDatabase postgres) {
            seen = new Probe(mariadb, postgres, mariadb.queryForList("SELECT COUNT(*) FROM marker"));
        }

        @Test
        void hasItsOwnPostgresTable(PostgresDatabase postgres) {
            assertEquals(List.of(List.of(0L)), postgres.queryForList("SELECT count(*) FROM marker"));
        }
    }

    @RealServers
    @EnabledIf("io.chameleon.testsupport.RealServersExtensionTest#launchingProbes")
    static class ProbeB {
        static volatile Probe seen;

        @BeforeAll
        static void createTables(MariaDbDatabase mariadb) {
            mariadb.execute("CREATE TABLE marker (id INT PRIMARY KEY)");
        }

        @Test
        void seesNoForeignRow(MariaDbDatabase mariadb, PostgresDatabase postgres) {
            seen = new Probe(mariadb, postgres, mariadb.queryForList("SELECT COUNT(*) FROM marker"));
        }

        @Test
        void hasAnEmptyPostgresDatabase(PostgresDatabase postgres) {
            assertEquals(List.of(List.of(0L)), postgres.queryForList(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        }
    }
}
