package io.chameleon.copy;

import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.BadValueException;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Copies the rows of one table (or one key range of it) from a snapshot reader session into a loading table with
 * a streaming COPY: one source row in memory at a time plus the COPY buffer. Every value goes through its
 * column's codec, the same conversion the live stream uses; values the codec rejects follow the bad-value policy.
 */
final class TableCopier {

    private static final Logger LOG = Logger.getLogger(TableCopier.class);

    private final BadValuePolicy policy;
    private final int bufferBytes;
    private final DiscardedRows discarded;
    private final boolean binaryAllowed;

    /** @param binaryAllowed whether the COPY may use the binary format (see {@link CopyRows#open}) */
    TableCopier(BadValuePolicy policy, int bufferBytes, DiscardedRows discarded, boolean binaryAllowed) {
        this.policy = policy;
        this.bufferBytes = bufferBytes;
        this.discarded = discarded;
        this.binaryAllowed = binaryAllowed;
    }

    /** A copier for one of {@code parts} ranges copied at once, with that share of this copier's buffer. */
    TableCopier withBufferShare(int parts) {
        return new TableCopier(policy, bufferBytes / Math.max(1, parts), discarded, binaryAllowed);
    }

    /**
     * @param range a SQL condition on the source table limiting the rows (a key range), or null for all rows
     * @return the rows written to PostgreSQL
     */
    long copy(Connection reader, SourceTable source, PgTable target, String loadingSchema, Connection pg,
              String range, TableProgress progress) throws SQLException {
        List<PgColumn> columns = target.columns();
        String select = "SELECT " + source.columns().stream().map(TableCopier::selectExpression)
                .collect(Collectors.joining(", ")) + " FROM " + MySqlIdentifiers.qualified(source.schema(), source.name())
                + (range == null ? "" : " WHERE " + range);
        CopyRows out = CopyRows.open(pg, loadingSchema, target, bufferBytes, binaryAllowed);
        LOG.debugf("event=copy_started table=%s format=%s range=%s", source.qualifiedName(),
                out.binary() ? "binary" : "text", range == null ? "all" : range);
        try (Statement st = reader.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of loading the result
            try (ResultSet rs = st.executeQuery(select)) {
                String[] values = new String[columns.size()];
                byte[][] raw = new byte[columns.size()][];
                // progress is shared by the ranges of a table: told in steps, not per row, to keep threads apart
                long reported = 0;
                int unreportedRows = 0;
                while (rs.next()) {
                    if (convert(rs, source, columns, out, values, raw, progress)) {
                        try {
                            out.write(values, raw);
                        } catch (IllegalArgumentException notOfType) {
                            throw new SQLException("copy of " + source.qualifiedName() + ", row "
                                    + RowImage.keyOf(rs, source) + ": " + notOfType.getMessage(), "22P02", notOfType);
                        }
                        unreportedRows++;
                    }
                    long bytes = out.bytesWritten();
                    if (bytes - reported >= 1 << 20 || unreportedRows >= 4096) {
                        progress.copied(unreportedRows, bytes - reported);
                        reported = bytes;
                        unreportedRows = 0;
                    }
                }
                long rows = out.finish();
                progress.copied(unreportedRows, out.bytesWritten() - reported);
                return rows;
            }
        } catch (SQLException | RuntimeException e) {
            out.cancel();
            throw e;
        }
    }

    /** MariaDB prints FLOAT with six digits; read as DOUBLE it is exact, and the codec prints it as a float. */
    private static String selectExpression(SourceColumn column) {
        String quoted = MySqlIdentifiers.quote(column.name());
        return column.type() == MySqlType.FLOAT ? "CAST(" + quoted + " AS DOUBLE)" : quoted;
    }

    /**
     * Fills {@code values}, or {@code raw} for the columns whose bytes go to the COPY as they are; false when the
     * row is discarded.
     */
    private boolean convert(ResultSet rs, SourceTable source, List<PgColumn> columns, CopyRows out,
                            String[] values, byte[][] raw, TableProgress progress)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            byte[] bytes = rs.getBytes(i + 1);
            values[i] = null;
            raw[i] = null;
            if (bytes == null) {
                continue;
            }
            PgColumn column = columns.get(i);
            if (out.blob(i) || column.codec().rawIsText(bytes)) {
                raw[i] = bytes; // the blob, or what the codec would return, without a String
                continue;
            }
            try {
                values[i] = column.codec().fromText(bytes);
            } catch (BadValueException bad) {
                BadValuePolicy effective = policy == BadValuePolicy.NULL && column.notNull()
                        ? BadValuePolicy.DISCARD : policy;
                switch (effective) {
                    case NULL -> {
                        discarded.addNulled(source, column.name(), bad, RowImage.of(rs, source));
                        progress.valueNulled();
                    }
                    case ERROR -> throw new BadDataException(source, RowImage.keyOf(rs, source), column.name(), bad);
                    case DISCARD -> {
                        discarded.add(source, column.name(), bad, RowImage.of(rs, source));
                        progress.rowDiscarded();
                        return false;
                    }
                    default -> throw new IllegalStateException("unknown policy " + effective);
                }
            }
        }
        return true;
    }
}
