package io.chameleon.capture;

import io.chameleon.capture.values.ImageColumns;
import io.chameleon.catalogue.changelog.ImageLayout;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;

import java.util.List;

/**
 * A table the reader captures: its catalogue id, its structure on both sides, and, until the stream passes it,
 * the position of its copy snapshot (changes before it are already in the copied data).
 */
final class CapturedTable {

    private final int tableId;
    private final SourceTable source;
    private final PgTable target;
    private final List<String> columnNames;
    private final ImageColumns imageColumns;
    private final ImageLayout imageLayout;
    private BinlogPosition copyPosition;
    private boolean reachedConsistency;
    /** The last TABLE_MAP column list found equal to {@link #columnNames}. */
    private List<String> matchingNames;

    CapturedTable(int tableId, SourceTable source, PgTable target, BinlogPosition copyPosition) {
        this.tableId = tableId;
        this.source = source;
        this.target = target;
        this.copyPosition = copyPosition;
        this.columnNames = source.columns().stream().map(SourceColumn::name).toList();
        this.imageColumns = ImageColumns.of(source, target);
        this.imageLayout = imageColumns.layout(tableId);
    }

    /** What the change log's images of this table hold: the target columns in binlog order, and the key. */
    ImageLayout imageLayout() {
        return imageLayout;
    }

    /** The columns its images are encoded from. */
    ImageColumns imageColumns() {
        return imageColumns;
    }

    /** The source columns in binlog order, to check rows events against. */
    List<String> columnNames() {
        return columnNames;
    }

    /**
     * Whether a TABLE_MAP's column names are this table's. The reader decodes a map again only when its bytes
     * change, so most rows events bring the very list already compared: that one is not compared again.
     */
    boolean hasColumnNames(List<String> names) {
        if (names == matchingNames) {
            return true;
        }
        if (!columnNames.equals(names)) {
            return false;
        }
        matchingNames = names;
        return true;
    }

    int tableId() {
        return tableId;
    }

    SourceTable source() {
        return source;
    }

    PgTable target() {
        return target;
    }

    /** Whether a change at this position is already contained in the table's copy. */
    boolean inCopy(BinlogPosition position) {
        if (copyPosition == null) {
            return false;
        }
        if (position.compareTo(copyPosition) < 0) {
            return true;
        }
        copyPosition = null;
        reachedConsistency = true;
        return false;
    }

    /** True once after the stream first passes the copy position, so the catalogue can forget it. */
    boolean takeReachedConsistency() {
        boolean reached = reachedConsistency;
        reachedConsistency = false;
        return reached;
    }

    String qualifiedSourceName() {
        return source.schema() + "." + source.name();
    }
}
