package io.chameleon.catalogue;

import io.chameleon.postgres.PgIdentifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The fencing token of the active process of a source: the epoch it set in the source row when it became active.
 * {@link #check} inside a write transaction proves the epoch is still this one and keeps it so until the
 * transaction ends: it takes a KEY SHARE lock on the source row, which the successor's epoch increment
 * ({@link SourceLease}, SELECT ... FOR UPDATE) must wait for. So once a successor's increment committed, no
 * transaction of the stale process can pass the check, and none that passed it is still open.
 */
public final class SourceFence {

    private static final SourceFence NONE = new SourceFence(null, 0, -1);

    private final String schema;
    private final int sourceId;
    private final long epoch;
    private String sql;

    public SourceFence(String catalogueSchema, int sourceId, long epoch) {
        this.schema = catalogueSchema;
        this.sourceId = sourceId;
        this.epoch = epoch;
    }

    /** No fencing: for work outside a replica process (copies, tests of one part). */
    public static SourceFence none() {
        return NONE;
    }

    public long epoch() {
        return epoch;
    }

    public boolean fences() {
        return schema != null;
    }

    /**
     * In the caller's open transaction: throws {@link FencedOutException} when another process has become the
     * active one since this one did. One primary-key lookup with a row lock, in the round trip before the commit.
     */
    public void check(Connection connection) throws SQLException {
        if (!fences()) {
            return;
        }
        if (sql == null) {
            sql = "SELECT epoch FROM " + PgIdentifiers.qualified(schema, "source") + " WHERE source_id = ?"
                    + " FOR KEY SHARE";
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setInt(1, sourceId);
            try (ResultSet rs = ps.executeQuery()) {
                long current = rs.next() ? rs.getLong(1) : -1;
                if (current != epoch) {
                    throw new FencedOutException(sourceId, epoch, current);
                }
            }
        }
    }
}
