package io.chameleon.copy;

import io.chameleon.catalogue.DiscardedRowRepository;
import io.chameleon.catalogue.DiscardedRowRepository.DiscardedRow;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rows discarded and the values nulled by the copy workers and writes them to the catalogue in
 * batches. Shared by the workers, hence synchronized; bad values are rare, so contention does not matter.
 */
final class DiscardedRows {

    private static final int BATCH = 500;

    private final DiscardedRowRepository repository;
    private final int sourceId;
    private final List<DiscardedRow> pending = new ArrayList<>();
    private long total;

    DiscardedRows(DiscardedRowRepository repository, int sourceId) {
        this.repository = repository;
        this.sourceId = sourceId;
    }

    /** A row left out of its table. */
    synchronized void add(SourceTable table, String column, BadValueException bad, String rowData) throws SQLException {
        total++;
        record(DiscardedRow.of(table.schema(), table.name(), column, bad, false, rowData, null, null));
    }

    /** A value written as NULL; its row was copied. */
    synchronized void addNulled(SourceTable table, String column, BadValueException bad, String rowData)
            throws SQLException {
        record(DiscardedRow.of(table.schema(), table.name(), column, bad, true, rowData, null, null));
    }

    /** Counts without recording: a copy that only reads the source to compare (verify) leaves no trace. */
    static DiscardedRows counted() {
        return new DiscardedRows(null, 0);
    }

    private void record(DiscardedRow row) throws SQLException {
        if (repository == null) {
            return;
        }
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    synchronized void forgetPrevious(SourceTable table) throws SQLException {
        repository.deleteCopyDiscards(sourceId, table.schema(), table.name());
    }

    synchronized void flush() throws SQLException {
        if (!pending.isEmpty()) {
            repository.insert(sourceId, pending);
            pending.clear();
        }
    }

    synchronized long total() {
        return total;
    }
}
