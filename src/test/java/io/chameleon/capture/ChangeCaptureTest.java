package io.chameleon.capture;

import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.catalogue.Catalogue;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.RowOperation;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.SourceConfig;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.TableMapper;
import io.chameleon.schema.TypeMapper;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import io.chameleon.testsupport.TestConfig;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's state machine on its own: events handed to {@link ChangeCapture} as the binlog thread would hand
 * them, and what it logs into a real catalogue. Whole transactions only, in order, with the position after them.
 */
@RealServers
class ChangeCaptureTest {

    private static final String CATALOGUE = "capture_cat";
    private static final String FILE = "mysql-bin.000003";
    private static final int TABLE_ID = 7;
    private static final SourceTable ITEMS = new SourceTable("shop_db", "items", "InnoDB", true, List.of(
            column("id", 1), column("n", 2)),
            List.of(new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false)), 0, 0);

    @TempDir
    Path dir;
    private PostgresDatabase database;
    private SourceConfig source;
    private int sourceId;

    @BeforeEach
    void freshCatalogue(PostgresDatabase database) throws Exception {
        this.database = database;
        try (Connection c = database.connect()) {
            Catalogue catalogue = new Catalogue(c, CATALOGUE, "test");
            catalogue.drop();
            catalogue.create();
            sourceId = new SourceRepository(c, CATALOGUE).register("shop", "mysql", Map.of("shop_db", "shop")).id();
        }
        Path config = TestConfig.target(database).set("CATALOGUE", CATALOGUE).write(dir, "capture");
        source = ConfigLoader.load(config.toString()).config().source("shop");
    }

    @Test
    void logsWholeTransactionsInOrderWithThePositionAfterTheLastCommit() throws Exception {
        run(null, List.of(
                rows(RowOperation.INSERT, "items", 100, images(), images(row(1, 10), row(2, 20))),
                new CapturedEvent.Commit(at(200), 0, null),
                rows(RowOperation.UPDATE, "items", 250, images(row(1, 10)), images(row(1, 11))),
                rows(RowOperation.DELETE, "items", 260, images(row(2, 20)), images()),
                new CapturedEvent.Commit(at(300), 0, null)));

        assertThat(logged()).containsExactly(
                Arrays.asList("I", null, "{1,10}"),
                Arrays.asList("I", null, "{2,20}"),
                Arrays.asList("U", "{1}", "{1,11}"),
                Arrays.asList("D", "{2}", null));
        assertThat(database.queryForList("SELECT sum(transaction_count)::int FROM " + CATALOGUE + ".log_batch"))
                .containsExactly(List.of(2));
        assertThat(readPosition()).isEqualTo(List.of(FILE, 300L));
    }

    @Test
    void aBrokenStreamDropsTheOpenTransactionAndResumesAfterTheLastWholeOne() throws Exception {
        CompletableFuture<BinlogPosition> resumeAt = new CompletableFuture<>();
        run(null, List.of(
                rows(RowOperation.INSERT, "items", 100, images(), images(row(1, 10))),
                new CapturedEvent.Commit(at(200), 0, null),
                rows(RowOperation.INSERT, "items", 250, images(), images(row(2, 20))),
                new CapturedEvent.Interrupted("connection reset", resumeAt)));

        assertThat(resumeAt.get(5, TimeUnit.SECONDS)).isEqualTo(at(200));
        assertThat(logged()).containsExactly(Arrays.asList("I", null, "{1,10}"));
        assertThat(readPosition()).isEqualTo(List.of(FILE, 200L));
    }

    @Test
    void rowsOfTablesNotReplicatedAreLeftOutWhileTheStreamMovesOn() throws Exception {
        run(null, List.of(
                rows(RowOperation.INSERT, "other", 100, images(), images(row(1, 10))),
                new CapturedEvent.Rows(RowOperation.INSERT, "elsewhere", "items", images(),
                        images(row(2, 20)), at(150), 0, null),
                new CapturedEvent.Commit(at(500), 0, null)));

        assertThat(logged()).isEmpty();
        assertThat(readPosition()).isEqualTo(List.of(FILE, 500L));
    }

    @Test
    void changesBeforeATablesCopySnapshotAreInTheCopyAlready() throws Exception {
        run(at(1000), List.of(
                rows(RowOperation.INSERT, "items", 900, images(), images(row(1, 10))),
                new CapturedEvent.Commit(at(950), 0, null),
                rows(RowOperation.INSERT, "items", 1100, images(), images(row(2, 20))),
                new CapturedEvent.Commit(at(1200), 0, null)));

        assertThat(logged()).containsExactly(Arrays.asList("I", null, "{2,20}"));
        assertThat(readPosition()).isEqualTo(List.of(FILE, 1200L));
    }

    @Test
    void aTruncateIsLoggedAsABarrierBetweenTheRowsAroundIt() throws Exception {
        run(null, List.of(
                rows(RowOperation.INSERT, "items", 100, images(), images(row(1, 10))),
                new CapturedEvent.Commit(at(150), 0, null),
                new CapturedEvent.Statement("shop_db", "TRUNCATE TABLE items", at(200), at(260), 0),
                rows(RowOperation.INSERT, "items", 300, images(), images(row(3, 30))),
                new CapturedEvent.Commit(at(350), 0, null)));

        assertThat(logged()).containsExactly(
                Arrays.asList("I", null, "{1,10}"),
                Arrays.asList("T", null, null),
                Arrays.asList("I", null, "{3,30}"));
        assertThat(readPosition()).isEqualTo(List.of(FILE, 350L));
    }

    @Test
    void eventsHandedOnTogetherAreHandledInTheirOrder() throws Exception {
        run(null, List.of(
                new CapturedEvent.Events(List.of(
                        rows(RowOperation.INSERT, "items", 100, images(), images(row(1, 10))),
                        rows(RowOperation.INSERT, "items", 120, images(), images(row(2, 20))),
                        new CapturedEvent.Commit(at(150), 0, null))),
                new CapturedEvent.Statement("shop_db", "TRUNCATE TABLE items", at(200), at(260), 0),
                new CapturedEvent.Events(List.of(
                        rows(RowOperation.INSERT, "items", 300, images(), images(row(3, 30))),
                        new CapturedEvent.Commit(at(350), 0, null)))));

        assertThat(logged()).containsExactly(
                Arrays.asList("I", null, "{1,10}"),
                Arrays.asList("I", null, "{2,20}"),
                Arrays.asList("T", null, null),
                Arrays.asList("I", null, "{3,30}"));
        assertThat(readPosition()).isEqualTo(List.of(FILE, 350L));
    }

    /** Hands {@code events} to a capture of ITEMS (copied at {@code copyPosition}) and runs it until all are taken. */
    private void run(BinlogPosition copyPosition, List<CapturedEvent> events) throws Exception {
        Map<String, CapturedTable> tables = new HashMap<>();
        TableMapper mapper = new TableMapper(new TypeMapper(Map.of(), false, BadValuePolicy.DEFAULT));
        KnownTables known = new KnownTables(tables, mapper);
        known.put(new KnownTables.Known(TABLE_ID, ITEMS, "shop", true, copyPosition));
        SchemaChangeCapture schemaChanges = new SchemaChangeCapture(source, sourceId, CATALOGUE, known, mapper,
                Map.of(), name -> Optional.empty());
        BlockingQueue<CapturedEvent> queue = new LinkedBlockingQueue<>(events);
        try (ChangeLogWriter writer = new ChangeLogWriter(database.connect(), CATALOGUE, sourceId)) {
            ChangeCapture capture = new ChangeCapture(queue, writer, new ChangeFilter(source, tables),
                    CaptureSettings.of(source), at(4), true, null, new CaptureStatistics(), schemaChanges);
            capture.run(queue::isEmpty); // the stop is checked before each event: every one is handled
        }
    }

    private List<List<Object>> logged() {
        return database.queryForList("SELECT operation, row_before::text, row_after::text FROM " + CATALOGUE
                + ".change_log ORDER BY batch_id, event_seq");
    }

    private List<Object> readPosition() {
        return database.queryForList("SELECT binlog_file, binlog_position FROM " + CATALOGUE
                + ".read_position WHERE source_id = " + sourceId).get(0);
    }

    private static CapturedEvent.Rows rows(RowOperation operation, String table, long position,
                                           List<Serializable[]> before, List<Serializable[]> after) {
        return new CapturedEvent.Rows(operation, "shop_db", table, before, after,
                at(position), 0, null);
    }

    private static List<Serializable[]> images(Serializable[]... rows) {
        return Arrays.asList(rows);
    }

    private static Serializable[] row(int id, int n) {
        return new Serializable[] {id, n};
    }

    private static BinlogPosition at(long position) {
        return new BinlogPosition(FILE, position);
    }

    private static SourceColumn column(String name, int position) {
        return new SourceColumn(name, position, "int", "int(11)", false, new ColumnDefault.None(), "", null, null,
                null, null, null, null);
    }
}
