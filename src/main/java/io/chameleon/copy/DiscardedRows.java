package io.chameleon.copy;

import io.chameleon.catalog.DiscardedRowRepository;
import io.chameleon.catalog.DiscardedRowRepository.DiscardedRow;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects rows discarded by the copy workers and writes them to the catalogue in batches. Shared by the
 * workers, hence synchronized; discards are rare, so contention does not matter.
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

    synchronized void add(SourceTable table, String column, BadValueException bad, String rowData) throws SQLException {
        pending.add(new DiscardedRow(table.schema(), table.name(), column,
                bad.reason().name().toLowerCase() + ": " + bad.getMessage(), rowData, null, null));
        total++;
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
