package io.chameleon.copy;

import io.chameleon.mysql.MySqlIdentifiers;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceTable;
import io.chameleon.postgres.CopyTextWriter;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.BadValueException;
import io.chameleon.schema.BytesCodec;
import io.chameleon.config.BadValuePolicy;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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

    private final BadValuePolicy policy;
    private final int bufferBytes;
    private final DiscardedRows discarded;

    TableCopier(BadValuePolicy policy, int bufferBytes, DiscardedRows discarded) {
        this.policy = policy;
        this.bufferBytes = bufferBytes;
        this.discarded = discarded;
    }

    /** A copier for one of {@code parts} ranges copied at once, with that share of this copier's buffer. */
    TableCopier withBufferShare(int parts) {
        return new TableCopier(policy, bufferBytes / Math.max(1, parts), discarded);
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
        String copySql = "COPY " + PgIdentifiers.qualified(loadingSchema, target.name()) + " ("
                + columns.stream().map(c -> PgIdentifiers.quote(c.name())).collect(Collectors.joining(", "))
                + ") FROM STDIN";
        CopyIn copyIn = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        CopyTextWriter writer = new CopyTextWriter(copyIn, bufferBytes);
        try (Statement st = reader.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            st.setFetchSize(Integer.MIN_VALUE); // Connector/J: stream rows instead of loading the result
            try (ResultSet rs = st.executeQuery(select)) {
                String[] values = new String[columns.size()];
                byte[][] blobs = new byte[columns.size()][];
                boolean[] binary = new boolean[columns.size()];
                for (int i = 0; i < binary.length; i++) {
                    binary[i] = columns.get(i).codec() instanceof BytesCodec;
                }
                long reported = 0;
                while (rs.next()) {
                    if (convert(rs, source, columns, binary, values, blobs, progress)) {
                        for (int i = 0; i < values.length; i++) {
                            if (blobs[i] != null) {
                                writer.hexField(blobs[i]);
                            } else {
                                writer.field(values[i]);
                            }
                        }
                        writer.endRow();
                        progress.rowCopied();
                    }
                    long bytes = writer.bytesWritten();
                    if (bytes - reported >= 1 << 20) {
                        progress.bytesCopied(bytes - reported);
                        reported = bytes;
                    }
                }
                long rows = writer.finish();
                progress.bytesCopied(writer.bytesWritten() - reported);
                return rows;
            }
        } catch (SQLException | RuntimeException e) {
            writer.cancel();
            throw e;
        }
    }

    /** MariaDB prints FLOAT with six digits; read as DOUBLE it is exact, and the codec prints it as a float. */
    private static String selectExpression(SourceColumn column) {
        String quoted = MySqlIdentifiers.quote(column.name());
        return column.dataType().equals("float") ? "CAST(" + quoted + " AS DOUBLE)" : quoted;
    }

    /**
     * Fills {@code values}, or {@code blobs} for binary columns (written as hex straight from their bytes); false
     * when the row is discarded.
     */
    private boolean convert(ResultSet rs, SourceTable source, List<PgColumn> columns, boolean[] binary,
                            String[] values, byte[][] blobs, TableProgress progress)
            throws SQLException {
        for (int i = 0; i < values.length; i++) {
            byte[] raw = rs.getBytes(i + 1);
            values[i] = null;
            blobs[i] = null;
            if (raw == null) {
                continue;
            }
            if (binary[i]) {
                blobs[i] = raw;
                continue;
            }
            PgColumn column = columns.get(i);
            try {
                values[i] = column.codec().fromText(raw);
            } catch (BadValueException bad) {
                BadValuePolicy effective = policy == BadValuePolicy.NULL && column.notNull()
                        ? BadValuePolicy.DISCARD : policy;
                switch (effective) {
                    case NULL -> values[i] = null;
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
