package io.chameleon.capture;

import io.chameleon.capture.binlog.CapturedEvent;
import io.chameleon.catalogue.changelog.ChangeLogWriter;
import io.chameleon.catalogue.changelog.LoggedChange;
import io.chameleon.config.SourceConfig;
import io.chameleon.ddl.RedefinedColumns;
import io.chameleon.ddl.TableChange;
import io.chameleon.ddl.TableName;
import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceConnector;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueException;
import io.chameleon.schema.PgColumn;

import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Brings over the values an ALTER TABLE computes for existing rows without logging them: those of a generated
 * column it adds or whose expression it changes (ADD / MODIFY / CHANGE ... AS (...), VIRTUAL or STORED). The target
 * column is a plain column fed by the row images, so right after the schema-change event the reader re-reads the
 * key and the column from the source, streamed, and logs the values as {@link GeneratedValuesUpdate}s: replay runs
 * them in stream order, before any row event that follows the ALTER.
 *
 * <p>The values are read later than the ALTER's position. That is sound because every later row event of the same
 * key carries the whole row (binlog_row_image FULL) and is replayed after them, so it overwrites what was read; a
 * row untouched since the ALTER has the same value then and now (a generated value depends on its row alone); the
 * update creates no row, so a row inserted after the ALTER is left to its insert event; a row deleted since is
 * simply absent from the read. See docs/ddl-replication.md.
 */
final class GeneratedColumnBackfill {

    private static final Logger LOG = Logger.getLogger(GeneratedColumnBackfill.class);
    /** Bounds on one logged statement: the reader holds one at a time, replay runs it as one. */
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final int CHARS_PER_STATEMENT = 1 << 20;

    private final String sourceName;
    private final SourceConnector connector;
    private final KnownTables tables;

    GeneratedColumnBackfill(SourceConfig source, KnownTables tables) {
        this.sourceName = source.name();
        this.connector = new SourceConnector(source);
        this.tables = tables;
    }

    /**
     * Logs the updates for the tables the statement altered (already applied to {@code tables}) into the open
     * batch from {@code firstSeq}. Returns the number of events logged.
     */
    int log(List<TableChange> changes, CapturedEvent.Statement statement, ChangeLogWriter writer, long batchId,
            int firstSeq) throws SQLException {
        int seq = firstSeq;
        Set<String> redefined = null;
        for (TableChange change : changes) {
            if (!(change instanceof TableChange.Altered altered) || altered.after().columns().stream()
                    .noneMatch(GeneratedColumnBackfill::generated)) {
                continue;
            }
            if (redefined == null) {
                redefined = RedefinedColumns.generatedBy(statement.sql());
            }
            SourceTable after = altered.after();
            Optional<CapturedTable> table = tables.captured(new TableName(after.schema(), after.name()));
            if (table.isEmpty()) {
                continue; // not captured: no key, or switched off
            }
            List<Integer> columns = new ArrayList<>();
            for (int i = 0; i < after.columns().size(); i++) {
                SourceColumn column = after.columns().get(i);
                if (generated(column) && redefined.contains(column.name().toLowerCase(Locale.ROOT))) {
                    columns.add(i);
                }
            }
            if (!columns.isEmpty()) {
                seq += fill(table.get(), columns, statement, writer, batchId, seq);
            }
        }
        return seq - firstSeq;
    }

    private int fill(CapturedTable table, List<Integer> columns, CapturedEvent.Statement statement,
                     ChangeLogWriter writer, long batchId, int firstSeq) throws SQLException {
        SourceTable source = table.source();
        List<PgColumn> targetColumns = table.target().columns();
        int[] keyIndexes = table.imageColumns().keyColumnIndexes();
        List<PgColumn> keys = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int i : keyIndexes) {
            keys.add(targetColumns.get(i));
            selected.add(selectExpression(source.columns().get(i)));
        }
        List<PgColumn> filled = new ArrayList<>();
        for (int i : columns) {
            filled.add(targetColumns.get(i));
            selected.add(selectExpression(source.columns().get(i)));
        }
        String select = "SELECT " + String.join(", ", selected) + " FROM "
                + MySqlIdentifiers.qualified(source.schema(), source.name());
        GeneratedValuesUpdate update = new GeneratedValuesUpdate(table.target(), keys, filled);
        int seq = firstSeq;
        long rows = 0;
        try (Connection my = connector.connectForCopy();
             Statement st = my.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of loading the result
            try (ResultSet rs = st.executeQuery(select)) {
                String[] keyTexts = new String[keys.size()];
                String[] filledTexts = new String[filled.size()];
                while (rs.next()) {
                    for (int i = 0; i < keyTexts.length; i++) {
                        keyTexts[i] = text(rs, i + 1, keys.get(i), table);
                    }
                    for (int i = 0; i < filledTexts.length; i++) {
                        filledTexts[i] = text(rs, keyTexts.length + i + 1, filled.get(i), table);
                    }
                    update.add(keyTexts, filledTexts);
                    rows++;
                    if (update.rowCount() >= ROWS_PER_STATEMENT || update.size() >= CHARS_PER_STATEMENT) {
                        seq = append(writer, batchId, seq, table, statement, update.take());
                    }
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                throw e; // the source connection broke: the reader retries the statement as it does on any cut
            }
            // e.g. the table or column is gone by now: the values cannot be had, so replay reports the table
            String message = "table " + table.qualifiedSourceName() + " at " + statement.position() + ": the values"
                    + " of generated column(s) " + names(filled) + " for rows existing before the ALTER could not be"
                    + " read from the source (" + e.getMessage() + "); re-copy it with 'sync_tables --tables "
                    + table.qualifiedSourceName() + "'";
            LOG.errorf("event=generated_backfill_failed source=%s %s", sourceName, message);
            return append(writer, batchId, seq, table, statement, SchemaChangeCapture.failing(message)) - firstSeq;
        }
        if (update.rowCount() > 0) {
            seq = append(writer, batchId, seq, table, statement, update.take());
        }
        LOG.infof("event=generated_backfill source=%s position=%s table=%s columns=%s rows=%d events=%d",
                sourceName, statement.position(), table.qualifiedSourceName(), names(filled), rows, seq - firstSeq);
        return seq - firstSeq;
    }

    private static int append(ChangeLogWriter writer, long batchId, int seq, CapturedTable table,
                              CapturedEvent.Statement statement, String sql) throws SQLException {
        writer.appendRows(batchId, seq, List.of(LoggedChange.schemaChange(table.tableId(), statement.position(),
                statement.sourceMillis(), sql)));
        return seq + 1;
    }

    /** The value as the copy writes it (see TableCopier): the codec's text of the raw bytes. */
    private String text(ResultSet rs, int index, PgColumn column, CapturedTable table) throws SQLException {
        byte[] raw = rs.getBytes(index);
        if (raw == null) {
            return null;
        }
        if (column.codec().rawIsText(raw)) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        try {
            return column.codec().fromText(raw);
        } catch (BadValueException bad) {
            LOG.warnf("event=generated_backfill_bad_value source=%s table=%s column=%s reason=\"%s\": set to NULL",
                    sourceName, table.qualifiedSourceName(), column.name(), bad.getMessage());
            return null;
        }
    }

    /** MariaDB prints FLOAT with six digits; read as DOUBLE it is exact (as the copy reads it). */
    private static String selectExpression(SourceColumn column) {
        String quoted = MySqlIdentifiers.quote(column.name());
        return column.type() == MySqlType.FLOAT ? "CAST(" + quoted + " AS DOUBLE)" : quoted;
    }

    private static boolean generated(SourceColumn column) {
        return column.extra().toUpperCase(Locale.ROOT).contains("GENERATED")
                && !column.extra().toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
    }

    private static List<String> names(List<PgColumn> columns) {
        return columns.stream().map(PgColumn::name).toList();
    }
}
