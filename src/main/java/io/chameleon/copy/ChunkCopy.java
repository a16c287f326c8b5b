package io.chameleon.copy;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.PgTable;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The copy of one key range of a source table into a PostgreSQL table of the target's layout, through the very
 * codecs a copy uses: what verify compares with the replica, so that both sides hold PostgreSQL values of the same
 * types and a value the type map changes (dates, floats, sets...) compares equal when replication got it right.
 * Nothing is recorded in the catalogue (bad values follow the policy, as they did in the replica).
 */
public final class ChunkCopy {

    private static final int BUFFER_BYTES = 1 << 20;

    private final TableCopier copier;

    public ChunkCopy(BadValuePolicy policy) {
        // text COPY: the target may have been created by hand (keep_existing_schema), with other types
        this.copier = new TableCopier(policy, BUFFER_BYTES, DiscardedRows.counted(), false);
    }

    /** The integer NOT NULL first column of a primary or unique key the table can be cut into ranges on. */
    public static Optional<SourceColumn> rangeColumn(SourceTable table) {
        return KeyRanges.splitColumn(table);
    }

    /**
     * Copies the rows of {@code source} matching {@code range} (MySQL SQL, null for all) into
     * {@code schema.target.name()}.
     *
     * @return the rows written
     */
    public long copy(Connection reader, SourceTable source, PgTable target, String schema, Connection pg,
                     String range) throws SQLException {
        TableProgress progress = new TableProgress(source.qualifiedName(), 0);
        return copier.copy(reader, source, target, schema, pg, range, progress);
    }
}
