package io.chameleon.capture;

import io.chameleon.catalog.ReplayErrorRepository;
import io.chameleon.catalog.ReplicatedTable;
import io.chameleon.catalog.ReplicatedTableRepository;
import io.chameleon.catalog.SchemaHistoryRepository;
import io.chameleon.catalog.SchemaVersion;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.DdlClassification;
import io.chameleon.ddl.DdlClassifier;
import io.chameleon.ddl.DdlKind;
import io.chameleon.ddl.SchemaEvolution;
import io.chameleon.ddl.TableChange;
import io.chameleon.ddl.TableHead;
import io.chameleon.ddl.TableName;
import io.chameleon.ddl.UntranslatableDdl;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableFilter;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.TableMapper;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reader's side of DDL replication. A statement is classified with the MySQL grammar and applied to the known
 * source structures; each change becomes a schema-change event in the change log (the PostgreSQL statements replay
 * runs at that point of the stream), a catalogue update and a schema-history version, all in the transaction
 * that logs it. Nothing here stops the reader: what cannot be parsed is logged and skipped, and what cannot be
 * applied to a table takes the table out of capture and leaves replay a failing event, so on_error_replay decides
 * for that table alone.
 */
final class SchemaChangeCapture {

    private static final Logger LOG = Logger.getLogger(SchemaChangeCapture.class);
    /** The SQLSTATE of what replication cannot follow (feature_not_supported), as replay records it. */
    private static final String UNSUPPORTED = "0A000";
    /** SQLSTATE class 01, a warning: the table replicates, with a structure read from the source. */
    private static final String BUILT_FROM_SOURCE = "01000";
    private static final String[] FALLBACK_DEFAULTS = {"utf8mb4", "utf8mb4_general_ci"};

    /**
     * What a statement does to the tables the reader knows. {@code unbuilt}: tables a statement the reader cannot
     * translate creates in a replicated schema; they are built from the source's catalogue or reported.
     */
    record Plan(List<TableChange> changes, List<KnownTables.Known> untranslatable, List<TableName> unbuilt,
                String reason, boolean buildFromSource) {
        static final Plan NOTHING = new Plan(List.of(), List.of(), List.of(), null, true);

        Plan(List<TableChange> changes, List<KnownTables.Known> untranslatable, List<TableName> unbuilt,
             String reason) {
            this(changes, untranslatable, unbuilt, reason, true);
        }

        boolean isEmpty() {
            return changes.isEmpty() && untranslatable.isEmpty() && unbuilt.isEmpty();
        }
    }

    /** The source's current structure of a table, for a table whose CREATE statement could not be translated. */
    @FunctionalInterface
    interface SourceCatalogue {
        Optional<SourceTable> current(TableName table) throws SQLException;
    }

    private final DdlClassifier classifier = new DdlClassifier();
    private final SchemaEvolution evolution = new SchemaEvolution();
    private final SourceConfig source;
    private final int sourceId;
    private final String catalogue;
    private final TableFilter tableFilter;
    private final KnownTables tables;
    private final SchemaChangeStatements translation;
    private final Map<String, String[]> databaseDefaults;
    private final SourceCatalogue sourceCatalogue;
    private final GeneratedColumnBackfill backfill;

    SchemaChangeCapture(SourceConfig source, int sourceId, String catalogueSchema, KnownTables tables,
                        TableMapper mapper, Map<String, String[]> databaseDefaults, SourceCatalogue sourceCatalogue) {
        this.source = source;
        this.sourceId = sourceId;
        this.catalogue = catalogueSchema;
        this.tableFilter = new TableFilter(source.limitTables(), source.skipTables());
        this.tables = tables;
        this.translation = new SchemaChangeStatements(mapper);
        this.databaseDefaults = databaseDefaults;
        this.sourceCatalogue = sourceCatalogue;
        this.backfill = new GeneratedColumnBackfill(source, tables);
    }

    /**
     * Decides what the statement changes; logs and passes over what concerns no replicated table. A failure of the
     * parser or of our own code on one statement is contained like an untranslatable statement: it must never stop
     * the reader, nor make it retry the same event for ever.
     */
    Plan plan(CapturedEvent.Statement statement) {
        try {
            return planStatement(statement);
        } catch (RuntimeException | LinkageError e) {
            LOG.errorf(e, "event=ddl_failed source=%s position=%s sql=\"%s\"", source.name(), statement.position(),
                    abbreviate(statement.sql()));
            Optional<TableHead> head = TableHead.of(statement.database(), statement.sql());
            return untranslatable(statement, head.map(h -> List.of(h.table())).orElse(List.of()),
                    head.filter(TableHead::creates).map(h -> List.of(h.table())).orElse(List.of()),
                    "the statement could not be handled (" + e.getClass().getName() + ": " + e.getMessage() + ")");
        }
    }

    private Plan planStatement(CapturedEvent.Statement statement) {
        DdlClassification classification = classifier.classify(statement.database(), statement.sql());
        if (classification instanceof DdlClassification.Skip skip) {
            LOG.debugf("event=ddl_skipped source=%s position=%s reason=%s sql=\"%s\"", source.name(),
                    statement.position(), skip.reason().label(), abbreviate(statement.sql()));
            return Plan.NOTHING;
        }
        if (classification instanceof DdlClassification.Unparseable unparseable) {
            LOG.warnf("event=ddl_unparsed source=%s position=%s reason=\"%s\" sql=\"%s\"", source.name(),
                    statement.position(), unparseable.message(), abbreviate(statement.sql()));
            return unparsedOnKnownTable(statement);
        }
        DdlClassification.TableDdl ddl = (DdlClassification.TableDdl) classification;
        if (ddl.tables().stream().noneMatch(table -> isMapped(table.database()))) {
            LOG.debugf("event=ddl_skipped source=%s position=%s reason=unmapped_schema sql=\"%s\"", source.name(),
                    statement.position(), abbreviate(statement.sql()));
            return Plan.NOTHING;
        }
        try {
            List<TableChange> changes = evolution.apply(statement.database(), statement.sql(), structures());
            return new Plan(changes.stream().filter(change -> !inCopy(change, statement.position())).toList(),
                    List.of(), List.of(), null);
        } catch (UntranslatableDdl e) {
            List<TableName> created = ddl.kind() == DdlKind.CREATE_TABLE ? ddl.tables().subList(0, 1) : List.of();
            return untranslatable(statement, ddl.tables(), created, e.getMessage());
        }
    }

    /**
     * Text the grammar rejects may still change a table the reader captures, or create one in a replicated schema
     * (its head names it): a known table's structure is then unknown, so it leaves capture the same way as for a
     * statement that cannot be applied; a new one is built from the source's catalogue or reported.
     */
    private Plan unparsedOnKnownTable(CapturedEvent.Statement statement) {
        try {
            evolution.apply(statement.database(), statement.sql(), structures());
            return Plan.NOTHING;
        } catch (UntranslatableDdl e) {
            List<TableName> named = e.table().map(List::of).orElse(List.of());
            boolean creates = TableHead.of(statement.database(), statement.sql()).filter(TableHead::creates)
                    .isPresent();
            return untranslatable(statement, named, creates ? named : List.of(), e.getMessage());
        }
    }

    private Plan untranslatable(CapturedEvent.Statement statement, List<TableName> named, List<TableName> created,
                                String reason) {
        List<KnownTables.Known> known = named.stream().map(tables::find).flatMap(Optional::stream).distinct()
                .toList();
        List<TableName> unbuilt = created.stream().filter(table -> tables.find(table).isEmpty())
                .filter(this::replicates).toList();
        LOG.errorf("event=ddl_untranslatable source=%s position=%s tables=%s reason=\"%s\" sql=\"%s\"",
                source.name(), statement.position(), named, reason, abbreviate(statement.sql()));
        return known.isEmpty() && unbuilt.isEmpty() ? Plan.NOTHING : new Plan(List.of(), known, unbuilt, reason);
    }

    /**
     * Logs the plan's schema-change events into the open batch from {@code firstSeq}, with their catalogue updates
     * and history, on the writer's transaction. Returns the number of events logged.
     */
    int write(Plan plan, CapturedEvent.Statement statement, ChangeLogWriter writer, long batchId, int firstSeq)
            throws SQLException {
        Step step = new Step(statement, writer, batchId, firstSeq);
        for (KnownTables.Known table : plan.untranslatable()) {
            step.stopCapture(table, "the statement could not be applied: " + plan.reason());
        }
        for (TableName table : plan.unbuilt()) {
            Optional<SourceTable> current = plan.buildFromSource() ? sourceCatalogue.current(table) : Optional.empty();
            if (current.isPresent()) {
                step.created(current.get(), plan.reason());
            } else {
                step.unbuilt(table, plan.reason());
            }
        }
        for (TableChange change : plan.changes()) {
            if (change instanceof TableChange.Created created) {
                step.created(created.table());
            } else if (change instanceof TableChange.Dropped dropped) {
                Optional<KnownTables.Known> table = tables.find(dropped.table());
                if (table.isPresent()) {
                    step.dropped(table.get());
                }
            } else if (change instanceof TableChange.Renamed renamed) {
                Optional<KnownTables.Known> table = tables.find(renamed.from());
                if (table.isPresent()) {
                    step.renamed(table.get(), renamed.to());
                }
            } else if (change instanceof TableChange.Altered altered) {
                Optional<KnownTables.Known> table = tables.find(new TableName(altered.before().schema(),
                        altered.before().name()));
                if (table.isPresent()) {
                    step.altered(table.get(), altered);
                }
            }
        }
        step.seq += backfill.log(plan.changes(), statement, writer, batchId, step.seq);
        return step.seq - firstSeq;
    }

    /**
     * The plan to write instead of one whose writing failed unexpectedly (its translation to PostgreSQL threw):
     * every table it concerns leaves capture, reported, and a table it created is registered as not built. The
     * failed write was rolled back; the tables it had already updated in memory are found by either name.
     */
    Plan failed(Plan plan, CapturedEvent.Statement statement, Throwable failure) {
        LOG.errorf(failure, "event=ddl_failed source=%s position=%s sql=\"%s\"", source.name(), statement.position(),
                abbreviate(statement.sql()));
        List<TableName> named = new ArrayList<>();
        List<TableName> created = new ArrayList<>();
        for (TableChange change : plan.changes()) {
            if (change instanceof TableChange.Created c) {
                created.add(new TableName(c.table().schema(), c.table().name()));
            } else if (change instanceof TableChange.Dropped d) {
                named.add(d.table());
            } else if (change instanceof TableChange.Renamed r) {
                named.addAll(List.of(r.from(), r.to()));
            } else if (change instanceof TableChange.Altered a) {
                named.add(new TableName(a.before().schema(), a.before().name()));
            }
        }
        plan.untranslatable().forEach(known -> named.add(known.name()));
        created.addAll(plan.unbuilt());
        created.forEach(tables::remove);
        List<KnownTables.Known> known = named.stream().map(tables::find).flatMap(Optional::stream).distinct()
                .toList();
        List<TableName> unbuilt = created.stream().filter(this::replicates).distinct().toList();
        return new Plan(List.of(), known, unbuilt, "the statement could not be translated ("
                + failure.getClass().getName() + ": " + failure.getMessage() + ")", false);
    }

    /**
     * A rows event whose columns are not those of the known structure: the model is wrong for this table, so it
     * is taken out of capture rather than mis-mapped, and replay gets a failing event carrying both structures.
     */
    LoggedChange structureMismatch(CapturedTable table, CapturedEvent.Rows rows, int columnCount) {
        String known = table.source().columns().stream().map(SourceColumn::name).toList().toString();
        String binlog = rows.columnNames() != null ? rows.columnNames().toString() : columnCount + " columns";
        String message = "table " + table.qualifiedSourceName() + " at " + rows.position() + ": the binlog has "
                + binlog + ", the known structure " + known + "; the table is no longer captured: re-copy it with"
                + " 'sync_tables --tables " + table.qualifiedSourceName() + "'";
        LOG.errorf("event=structure_mismatch source=%s %s", source.name(), message);
        tables.remove(new TableName(table.source().schema(), table.source().name()));
        return LoggedChange.schemaChange(table.tableId(), rows.position(), rows.sourceMillis(), failing(message));
    }

    /** A row the reader failed to decode or encode: like a structure mismatch, the table alone leaves capture. */
    LoggedChange undecodable(CapturedTable table, CapturedEvent.Rows rows, Throwable failure) {
        String message = "table " + table.qualifiedSourceName() + " at " + rows.position() + ": a row could not be"
                + " decoded (" + failure.getClass().getName() + ": " + failure.getMessage() + "); the table is no"
                + " longer captured: re-copy it with 'sync_tables --tables " + table.qualifiedSourceName() + "'";
        LOG.errorf(failure, "event=row_undecodable source=%s %s", source.name(), message);
        tables.remove(new TableName(table.source().schema(), table.source().name()));
        return LoggedChange.schemaChange(table.tableId(), rows.position(), rows.sourceMillis(), failing(message));
    }

    private SchemaEvolution.Structures structures() {
        return SchemaChangeStatements.structures(table -> tables.find(table).map(KnownTables.Known::structure),
                database -> databaseDefaults.getOrDefault(database, FALLBACK_DEFAULTS));
    }

    /** Changes to a table still before its copy snapshot are already in the copied structure. */
    private boolean inCopy(TableChange change, BinlogPosition position) {
        TableName name = change instanceof TableChange.Altered altered
                ? new TableName(altered.before().schema(), altered.before().name())
                : change instanceof TableChange.Renamed renamed ? renamed.from()
                : change instanceof TableChange.Dropped dropped ? dropped.table() : null;
        return name != null && tables.captured(name).map(table -> table.inCopy(position)).orElse(false);
    }

    private boolean isMapped(String database) {
        return database != null && source.schemaMappings().containsKey(database);
    }

    private boolean replicates(TableName name) {
        return isMapped(name.database()) && tableFilter.accepts(name.database(), name.table());
    }

    /** One statement's writes: events numbered on from the batch's next sequence. */
    private final class Step {
        private final CapturedEvent.Statement statement;
        private final ChangeLogWriter writer;
        private final long batchId;
        private final ReplicatedTableRepository registry;
        private final SchemaHistoryRepository history;
        private final ReplayErrorRepository errors;
        private int seq;

        Step(CapturedEvent.Statement statement, ChangeLogWriter writer, long batchId, int firstSeq) {
            this.statement = statement;
            this.writer = writer;
            this.batchId = batchId;
            this.seq = firstSeq;
            this.registry = new ReplicatedTableRepository(writer.connection(), catalogue);
            this.history = new SchemaHistoryRepository(writer.connection(), catalogue);
            this.errors = new ReplayErrorRepository(writer.connection(), catalogue);
        }

        void created(SourceTable table) throws SQLException {
            created(table, null);
        }

        /**
         * @param untranslated why the statement itself could not be translated, when the structure was read from
         *                     the source's catalogue instead (rows whose columns differ from it are caught per event)
         */
        void created(SourceTable table, String untranslated) throws SQLException {
            TableName name = new TableName(table.schema(), table.name());
            if (!replicates(name)) {
                LOG.debugf("event=ddl_skipped source=%s position=%s reason=table_filtered table=%s", source.name(),
                        statement.position(), name);
                return;
            }
            String destination = source.schemaMappings().get(table.schema());
            List<String> key = table.replicaKey().orElse(List.of());
            int tableId = registry.register(sourceId, new ReplicatedTable(table.schema(), table.name(), destination,
                    key, table.notReplicatedReason().orElse(null), null, 0));
            Integer event = log(tableId, translation.created(table, destination));
            KnownTables.Known known = new KnownTables.Known(tableId, table, destination, true, null);
            record(known, event, false, null);
            tables.put(known);
            LOG.infof("event=ddl_table_created source=%s position=%s table=%s replicated=%s%s", source.name(),
                    statement.position(), name, key.isEmpty() ? "no" : "yes",
                    key.isEmpty() ? " reason=\"" + SourceTable.NO_REPLICA_KEY + "\"" : "");
            if (untranslated != null) {
                // not an error, but an operator must know the structure came from elsewhere than the statement
                errors.recordTableError(sourceId, destination, table.name(), statement.position(), statement.sql(),
                        BUILT_FROM_SOURCE, "table " + name + " at " + statement.position() + ": its CREATE statement"
                                + " could not be translated (" + untranslated + "); the table was built from the"
                                + " source's current structure instead (rows whose columns differ from it will stop"
                                + " its capture, reported)");
                LOG.warnf("event=ddl_table_built_from_source source=%s position=%s table=%s reason=\"%s\": the"
                        + " statement could not be translated, so the table was built from the source's current"
                        + " structure", source.name(), statement.position(), name, untranslated);
            }
        }

        /**
         * A table created in a replicated schema whose structure is unknown (the statement could not be translated,
         * and the source no longer has the table): registered as not replicated with the reason, and a failing
         * event so that replay records it in show_errors. Its rows are not logged; sync_tables copies it.
         */
        void unbuilt(TableName name, String reason) throws SQLException {
            String destination = source.schemaMappings().get(name.database());
            String message = "table " + name + " at " + statement.position() + ": its CREATE statement could not be"
                    + " translated (" + reason + ") and its structure could not be read from the source; it is not"
                    + " replicated:"
                    + " copy it with 'sync_tables --tables " + name.database() + "." + name.table() + "'";
            registry.register(sourceId, new ReplicatedTable(name.database(), name.table(), destination,
                    List.of(), "CREATE TABLE could not be translated: " + reason, null, 0));
            errors.recordTableError(sourceId, destination, name.table(), statement.position(), statement.sql(),
                    UNSUPPORTED, message);
            LOG.errorf("event=ddl_table_not_built source=%s %s", source.name(), message);
        }

        void dropped(KnownTables.Known table) throws SQLException {
            Integer event = log(table.tableId(), translation.dropped(table.structure(), table.destinationSchema()));
            registry.delete(table.tableId());
            record(table, event, true, table);
            tables.remove(table.name());
            LOG.infof("event=ddl_table_dropped source=%s position=%s table=%s", source.name(), statement.position(),
                    table.name());
        }

        void renamed(KnownTables.Known table, TableName to) throws SQLException {
            if (!replicates(to)) {
                LOG.infof("event=ddl_table_renamed_out source=%s position=%s table=%s to=%s: it leaves the replica",
                        source.name(), statement.position(), table.name(), to);
                dropped(table);
                return;
            }
            String destination = source.schemaMappings().get(to.database());
            SourceTable moved = SchemaChangeStatements.moved(table.structure(), to);
            Integer event = log(table.tableId(), translation.renamed(table.structure(), table.destinationSchema(),
                    moved, destination));
            registry.rename(table.tableId(), to.database(), to.table(), destination);
            KnownTables.Known renamed = table.with(moved, destination);
            record(renamed, event, false, table);
            tables.remove(table.name());
            tables.put(renamed);
            LOG.infof("event=ddl_table_renamed source=%s position=%s table=%s to=%s", source.name(),
                    statement.position(), table.name(), to);
        }

        void altered(KnownTables.Known table, TableChange.Altered change) throws SQLException {
            Integer event = log(table.tableId(), translation.altered(table.structure(), table.destinationSchema(),
                    change.after(), change.renamedColumns()));
            KnownTables.Known altered = table.with(change.after(), table.destinationSchema());
            if (!altered.key().equals(table.key())) {
                registry.setKey(table.tableId(), altered.key(), SourceTable.NO_REPLICA_KEY);
                logKeyChange(table, altered);
            }
            record(altered, event, false, table);
            tables.put(altered);
            LOG.infof("event=ddl_table_altered source=%s position=%s table=%s target_change=%s", source.name(),
                    statement.position(), table.name(), event == null ? "none" : "logged");
        }

        void stopCapture(KnownTables.Known table, String reason) throws SQLException {
            String message = "table " + table.name() + " at " + statement.position() + ": " + reason
                    + "; it is no longer captured: re-copy it with 'sync_tables --tables " + table.structure()
                    .qualifiedName() + "'";
            Integer event = null;
            if (table.enabled() && !table.key().isEmpty()) {
                event = logScript(table.tableId(), failing(message)); // replay applies on_error_replay to it
            } else {
                // replay skips the events of a table it does not replicate: the reader reports it itself
                registry.setKey(table.tableId(), List.of(), "its structure is unknown: " + reason);
                errors.recordTableError(sourceId, table.destinationSchema(), table.structure().name(),
                        statement.position(), statement.sql(), UNSUPPORTED, message);
            }
            history.insert(sourceId, new SchemaVersion(table.tableId(), table.structure().schema(),
                    table.structure().name(), statement.position(), null, statement.sql(),
                    event == null ? null : (Long) batchId, event,
                    table.destinationSchema(), table.key().isEmpty() ? null : table.key(), false, replayTarget(table)));
            tables.remove(table.name());
        }

        private void logKeyChange(KnownTables.Known before, KnownTables.Known after) {
            if (after.key().isEmpty()) {
                LOG.warnf("event=replication_stopped source=%s position=%s table=%s reason=\"%s\"", source.name(),
                        statement.position(), after.name(), SourceTable.NO_REPLICA_KEY);
            } else if (before.key().isEmpty()) {
                LOG.warnf("event=replication_started source=%s position=%s table=%s key=%s: changes made while it"
                        + " had no key were not replicated; re-copy it with 'sync_tables --tables %s' if there"
                        + " were any", source.name(), statement.position(), after.name(), after.key(),
                        after.structure().qualifiedName());
            } else {
                LOG.infof("event=replica_key_changed source=%s position=%s table=%s key=%s", source.name(),
                        statement.position(), after.name(), after.key());
            }
        }

        /** Logs the statements as one schema-change event; null when there is nothing to run in the target. */
        private Integer log(int tableId, List<String> statements) throws SQLException {
            return statements.isEmpty() ? null : logScript(tableId, String.join(";\n", statements));
        }

        private int logScript(int tableId, String script) throws SQLException {
            int event = seq++;
            writer.appendRows(batchId, event, List.of(LoggedChange.schemaChange(tableId, statement.position(),
                    statement.sourceMillis(), script)));
            return event;
        }

        private void record(KnownTables.Known table, Integer event, boolean dropped, KnownTables.Known before)
                throws SQLException {
            history.insert(sourceId, new SchemaVersion(table.tableId(), table.structure().schema(),
                    table.structure().name(), statement.position(), dropped ? null : table.structure(),
                    statement.sql(), event == null ? null : batchId, event, table.destinationSchema(),
                    dropped || table.key().isEmpty() ? null : table.key(), dropped,
                    before == null ? null : replayTarget(before)));
        }

        private SchemaVersion.Target replayTarget(KnownTables.Known table) {
            return new SchemaVersion.Target(table.destinationSchema(), table.structure().name(),
                    table.key().isEmpty() ? null : table.key());
        }
    }

    /** A replay statement that fails with the message: replay then applies on_error_replay to the table. */
    static String failing(String message) {
        return "DO $chameleon$ BEGIN RAISE EXCEPTION USING ERRCODE = 'feature_not_supported', MESSAGE = "
                + PgIdentifiers.literal(message.replace("$chameleon$", "$ chameleon $")) + "; END $chameleon$";
    }

    static String abbreviate(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
