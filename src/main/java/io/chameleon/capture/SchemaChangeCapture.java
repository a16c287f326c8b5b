package io.chameleon.capture;

import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.catalogue.ReplayErrorRepository;
import io.chameleon.catalogue.ReplicatedTable;
import io.chameleon.catalogue.ReplicatedTableRepository;
import io.chameleon.catalogue.SchemaHistoryRepository;
import io.chameleon.catalogue.SchemaVersion;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.LoggedChange;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.DdlTranslation;
import io.chameleon.ddl.DdlTranslator;
import io.chameleon.ddl.SchemaChangeStatements;
import io.chameleon.ddl.TableChange;
import io.chameleon.ddl.TableHead;
import io.chameleon.ddl.TableName;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableFilter;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.TableMapper;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reader's side of DDL replication: the catalogue writes. {@link DdlTranslator} decides what a statement does
 * to the known source structures and with which PostgreSQL statements; each change becomes a schema-change event in
 * the change log (the PostgreSQL statements replay runs at that point of the stream), a catalogue update and a
 * schema-history version, all in the transaction that logs it. Nothing here stops the reader: what cannot be parsed
 * is logged and skipped, and what cannot be applied to a table takes the table out of capture and leaves replay a
 * failing event, so on_error_replay decides for that table alone.
 */
final class SchemaChangeCapture {

    private static final Logger LOG = Logger.getLogger(SchemaChangeCapture.class);
    /** The SQLSTATE of what replication cannot follow (feature_not_supported), as replay records it. */
    private static final String UNSUPPORTED = "0A000";
    /**
     * SQLSTATE class 01, a warning: the table replicates, but an operator must know how (built from the source's
     * structure; replicated from a new key on, without the changes made before it).
     */
    private static final String WARNING = "01000";
    private static final String[] FALLBACK_DEFAULTS = {"utf8mb4", "utf8mb4_general_ci"};

    /**
     * What a statement does to the tables the reader knows. {@code unbuilt}: tables a statement the reader cannot
     * translate creates in a replicated schema; they are built from the source's catalogue or reported.
     */
    record Plan(List<DdlTranslation.Change> changes, List<KnownTables.Known> untranslatable, List<TableName> unbuilt,
                String reason, boolean buildFromSource) {
        static final Plan NOTHING = new Plan(List.of(), List.of(), List.of(), null, true);

        Plan(List<DdlTranslation.Change> changes, List<KnownTables.Known> untranslatable, List<TableName> unbuilt,
             String reason) {
            this(changes, untranslatable, unbuilt, reason, true);
        }

        boolean isEmpty() {
            return changes.isEmpty() && untranslatable.isEmpty() && unbuilt.isEmpty();
        }

        List<TableChange> tableChanges() {
            return changes.stream().map(DdlTranslation.Change::change).toList();
        }
    }

    /** The source's current structure of a table, for a table whose CREATE statement could not be translated. */
    @FunctionalInterface
    interface SourceCatalogue {
        Optional<SourceTable> current(TableName table) throws SQLException;
    }

    private final SourceConfig source;
    private final int sourceId;
    private final String catalogue;
    private final TableFilter tableFilter;
    private final KnownTables tables;
    private final DdlTranslator translator;
    private final Map<String, String[]> databaseDefaults;
    private final SourceCatalogue sourceCatalogue;
    private final GeneratedColumnBackfill backfill;
    private final ForeignKeyActionStatements foreignKeyActions;
    /**
     * Tables without a replica key whose rows changed since this reader started: when one gets a key, the target
     * lacks those changes (CREATE TABLE … SELECT, then ADD PRIMARY KEY, is the everyday case), which show_errors must
     * say. By table id, which a rename keeps. Changes before this reader's start are not known here.
     */
    private final Set<Integer> changedWithoutKey = new HashSet<>();

    SchemaChangeCapture(SourceConfig source, int sourceId, String catalogueSchema, KnownTables tables,
                        TableMapper mapper, Map<String, String[]> databaseDefaults, SourceCatalogue sourceCatalogue) {
        this(source, sourceId, catalogueSchema, tables, mapper, databaseDefaults, sourceCatalogue, table -> List.of());
    }

    SchemaChangeCapture(SourceConfig source, int sourceId, String catalogueSchema, KnownTables tables,
                        TableMapper mapper, Map<String, String[]> databaseDefaults, SourceCatalogue sourceCatalogue,
                        ForeignKeyActionStatements.Lookup foreignKeys) {
        this.foreignKeyActions = new ForeignKeyActionStatements(source, tables, foreignKeys);
        this.source = source;
        this.sourceId = sourceId;
        this.catalogue = catalogueSchema;
        this.tableFilter = new TableFilter(source.limitTables(), source.skipTables());
        this.tables = tables;
        this.translator = new DdlTranslator(mapper);
        this.databaseDefaults = databaseDefaults;
        this.sourceCatalogue = sourceCatalogue;
        this.backfill = new GeneratedColumnBackfill(source, tables);
    }

    /** Notes rows the filter passed over, when they belong to a known table that has no replica key. */
    void rowsNotCaptured(CapturedEvent.Rows rows) {
        tables.find(new TableName(rows.database(), rows.table())).filter(table -> table.key().isEmpty())
                .ifPresent(table -> changedWithoutKey.add(table.tableId()));
    }

    /**
     * Decides what the statement changes, through the translator; logs and passes over what concerns no replicated
     * table. The translator contains a failure of the parser or of our own code on one statement like an
     * untranslatable statement: it must never stop the reader, nor make it retry the same event for ever.
     */
    Plan plan(CapturedEvent.Statement statement) {
        DdlTranslation translation = translator.translate(statement.database(), statement.sql(), replica(statement));
        if (translation instanceof DdlTranslation.Skipped skipped) {
            LOG.debugf("event=ddl_skipped source=%s position=%s reason=%s sql=\"%s\"", source.name(),
                    statement.position(), skipped.reason(), abbreviate(statement.sql()));
            return Plan.NOTHING;
        } else if (translation instanceof DdlTranslation.Unparsed unparsed) {
            logUnparsed(statement, unparsed.message());
            return Plan.NOTHING;
        } else if (translation instanceof DdlTranslation.Untranslatable untranslatable) {
            return untranslatable(statement, untranslatable);
        } else if (translation instanceof DdlTranslation.Failed failed) {
            List<DdlTranslation.Change> changes = failed.changes().stream()
                    .map(change -> new DdlTranslation.Change(change, List.of())).toList();
            return failed(new Plan(changes, List.of(), List.of(), null), statement, failed.failure());
        }
        List<DdlTranslation.Change> changes = ((DdlTranslation.Translated) translation).changes();
        return new Plan(changes.isEmpty() ? foreignKeyDropped(statement) : changes, List.of(), List.of(), null);
    }

    /**
     * ALTER TABLE … DROP FOREIGN KEY leaves the structure as it was, so it changes nothing in PostgreSQL but the
     * cascade triggers of the key: an alteration to the same structure, whose statements write() adds.
     */
    private List<DdlTranslation.Change> foreignKeyDropped(CapturedEvent.Statement statement) {
        if (!ForeignKeyActionStatements.dropsForeignKey(statement.sql())) {
            return List.of();
        }
        return TableHead.of(statement.database(), statement.sql()).filter(head -> !head.creates())
                .flatMap(head -> tables.find(head.table()))
                .map(known -> List.of(new DdlTranslation.Change(new TableChange.Altered(known.structure(),
                        known.structure(), Map.of()), List.of())))
                .orElse(List.of());
    }

    private void logUnparsed(CapturedEvent.Statement statement, String message) {
        LOG.warnf("event=ddl_unparsed source=%s position=%s reason=\"%s\" sql=\"%s\"", source.name(),
                statement.position(), message, abbreviate(statement.sql()));
    }

    private Plan untranslatable(CapturedEvent.Statement statement, DdlTranslation.Untranslatable untranslatable) {
        if (untranslatable.parserMessage() != null) {
            logUnparsed(statement, untranslatable.parserMessage());
        }
        if (untranslatable.failure() != null) {
            LOG.errorf(untranslatable.failure(), "event=ddl_failed source=%s position=%s sql=\"%s\"", source.name(),
                    statement.position(), abbreviate(statement.sql()));
        }
        List<KnownTables.Known> known = untranslatable.known().stream().map(tables::find)
                .flatMap(Optional::stream).distinct().toList();
        LOG.errorf("event=ddl_untranslatable source=%s position=%s tables=%s reason=\"%s\" sql=\"%s\"",
                source.name(), statement.position(), untranslatable.named(), untranslatable.reason(),
                abbreviate(statement.sql()));
        return known.isEmpty() && untranslatable.unbuilt().isEmpty() ? Plan.NOTHING
                : new Plan(List.of(), known, untranslatable.unbuilt(), untranslatable.reason());
    }

    /** The known tables and the mappings, as the translator sees them at this statement. */
    private DdlTranslator.Replica replica(CapturedEvent.Statement statement) {
        return new DdlTranslator.Replica() {
            @Override
            public Optional<DdlTranslator.ReplicaTable> find(TableName table) {
                return tables.find(table).map(known -> new DdlTranslator.ReplicaTable(known.structure(),
                        known.destinationSchema()));
            }

            @Override
            public String[] databaseDefaults(String database) {
                return SchemaChangeCapture.this.databaseDefaults.getOrDefault(database, FALLBACK_DEFAULTS);
            }

            @Override
            public boolean mapped(String database) {
                return isMapped(database);
            }

            @Override
            public Optional<String> destination(TableName table) {
                return replicates(table) ? Optional.of(source.schemaMappings().get(table.database()))
                        : Optional.empty();
            }

            /** Changes to a table still before its copy snapshot are already in the copied structure. */
            @Override
            public boolean inCopy(TableName table) {
                return tables.captured(table).map(captured -> captured.inCopy(statement.position())).orElse(false);
            }
        };
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
                step.created(current.get(), translator.creation(current.get(),
                        source.schemaMappings().get(current.get().schema())), plan.reason());
            } else {
                step.unbuilt(table, plan.reason());
            }
        }
        for (DdlTranslation.Change translated : plan.changes()) {
            List<String> sql = translated.statements();
            TableChange change = translated.change();
            if (change instanceof TableChange.Created created) {
                step.created(created.table(), withForeignKeyActions(sql, statement, created.table()), null);
            } else if (change instanceof TableChange.Dropped dropped) {
                Optional<KnownTables.Known> table = tables.find(dropped.table());
                if (table.isPresent()) {
                    step.dropped(table.get(), sql);
                }
            } else if (change instanceof TableChange.Renamed renamed) {
                Optional<KnownTables.Known> table = tables.find(renamed.from());
                if (table.isPresent()) {
                    step.renamed(table.get(), renamed.to(), sql);
                }
            } else if (change instanceof TableChange.Altered altered) {
                Optional<KnownTables.Known> table = tables.find(new TableName(altered.before().schema(),
                        altered.before().name()));
                if (table.isPresent()) {
                    step.altered(table.get(), altered, withForeignKeyActions(sql, statement, altered.after()));
                }
            }
        }
        step.seq += backfill.log(plan.tableChanges(), statement, writer, batchId, step.seq);
        return step.seq - firstSeq;
    }

    /** The statements of a created or altered table, then those of the cascade triggers of its foreign keys. */
    private List<String> withForeignKeyActions(List<String> sql, CapturedEvent.Statement statement,
                                               SourceTable table) throws SQLException {
        List<String> extra = foreignKeyActions.statements(statement.sql(), new TableName(table.schema(), table.name()),
                table);
        if (extra.isEmpty()) {
            return sql;
        }
        LOG.infof("event=ddl_foreign_key_actions source=%s position=%s table=%s.%s statements=%d", source.name(),
                statement.position(), table.schema(), table.name(), extra.size());
        List<String> all = new ArrayList<>(sql);
        all.addAll(extra);
        return all;
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
        for (TableChange change : plan.tableChanges()) {
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

    /**
     * An XA transaction rolled back after its prepare, whose rows MariaDB wrote, and the reader logged, at the prepare:
     * the table holds rows the source does not, so it leaves capture, reported, like a structure mismatch.
     */
    LoggedChange rolledBackXa(CapturedTable table, String xid, CapturedEvent.Statement rollback) {
        String message = "table " + table.qualifiedSourceName() + " at " + rollback.position() + ": XA transaction "
                + xid + " was rolled back after its prepare, when MariaDB wrote its rows and they were replicated;"
                + " the target holds rows the source does not, so the table is no longer captured: re-copy it with"
                + " 'sync_tables --tables " + table.qualifiedSourceName() + "'";
        LOG.errorf("event=xa_rolled_back source=%s %s", source.name(), message);
        tables.remove(new TableName(table.source().schema(), table.source().name()));
        return LoggedChange.schemaChange(table.tableId(), rollback.position(), rollback.sourceMillis(),
                failing(message));
    }

    /** An XA ROLLBACK of a transaction this reader did not see prepared (before its start, or of no captured table). */
    void xaRolledBackUnseen(String xid, io.chameleon.mysql.BinlogPosition at) {
        LOG.warnf("event=xa_rolled_back source=%s position=%s xid=%s: prepared before this reader started, or touching"
                + " no captured table; if its rows were replicated at its prepare the target still holds them: run"
                + " verify", source.name(), at, xid);
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

        /**
         * @param statements   the table's creation in PostgreSQL
         * @param untranslated why the statement itself could not be translated, when the structure was read from
         *                     the source's catalogue instead (rows whose columns differ from it are caught per event)
         */
        void created(SourceTable table, List<String> statements, String untranslated) throws SQLException {
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
            Integer event = log(tableId, statements);
            KnownTables.Known known = new KnownTables.Known(tableId, table, destination, true, null);
            record(known, event, false, null);
            tables.put(known);
            LOG.infof("event=ddl_table_created source=%s position=%s table=%s replicated=%s%s", source.name(),
                    statement.position(), name, key.isEmpty() ? "no" : "yes",
                    key.isEmpty() ? " reason=\"" + SourceTable.NO_REPLICA_KEY + "\"" : "");
            if (untranslated != null) {
                // not an error, but an operator must know the structure came from elsewhere than the statement
                errors.recordTableError(sourceId, destination, table.name(), statement.position(), statement.sql(),
                        WARNING, "table " + name + " at " + statement.position() + ": its CREATE statement"
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

        void dropped(KnownTables.Known table, List<String> statements) throws SQLException {
            Integer event = log(table.tableId(), statements);
            registry.delete(table.tableId());
            record(table, event, true, table);
            tables.remove(table.name());
            LOG.infof("event=ddl_table_dropped source=%s position=%s table=%s", source.name(), statement.position(),
                    table.name());
        }

        /** @param statements the table's rename in PostgreSQL, or its drop when it leaves the replica */
        void renamed(KnownTables.Known table, TableName to, List<String> statements) throws SQLException {
            if (!replicates(to)) {
                LOG.infof("event=ddl_table_renamed_out source=%s position=%s table=%s to=%s: it leaves the replica",
                        source.name(), statement.position(), table.name(), to);
                dropped(table, statements);
                return;
            }
            String destination = source.schemaMappings().get(to.database());
            SourceTable moved = SchemaChangeStatements.moved(table.structure(), to);
            Integer event = log(table.tableId(), statements);
            registry.rename(table.tableId(), to.database(), to.table(), destination);
            KnownTables.Known renamed = table.with(moved, destination);
            record(renamed, event, false, table);
            tables.remove(table.name());
            tables.put(renamed);
            LOG.infof("event=ddl_table_renamed source=%s position=%s table=%s to=%s", source.name(),
                    statement.position(), table.name(), to);
        }

        void altered(KnownTables.Known table, TableChange.Altered change, List<String> statements)
                throws SQLException {
            Integer event = log(table.tableId(), statements);
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

        private void logKeyChange(KnownTables.Known before, KnownTables.Known after) throws SQLException {
            if (after.key().isEmpty()) {
                LOG.warnf("event=replication_stopped source=%s position=%s table=%s reason=\"%s\"", source.name(),
                        statement.position(), after.name(), SourceTable.NO_REPLICA_KEY);
            } else if (before.key().isEmpty() && changedWithoutKey.remove(after.tableId())) {
                String message = "table " + after.name() + " at " + statement.position() + ": replicated from here"
                        + " on (its new key " + after.key() + "); its rows changed while it had no key were not, so the"
                        + " target lacks them: re-copy it with 'sync_tables --tables "
                        + after.structure().qualifiedName() + "'";
                errors.recordTableError(sourceId, after.destinationSchema(), after.structure().name(),
                        statement.position(), statement.sql(), WARNING, message);
                LOG.warnf("event=replication_started source=%s position=%s table=%s key=%s reason=\"%s\"",
                        source.name(), statement.position(), after.name(), after.key(), message);
            } else if (before.key().isEmpty()) {
                LOG.warnf("event=replication_started source=%s position=%s table=%s key=%s: changes made while it"
                        + " had no key before this reader started were not replicated; re-copy it with"
                        + " 'sync_tables --tables %s' if there were any", source.name(), statement.position(),
                        after.name(), after.key(), after.structure().qualifiedName());
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
