package io.chameleon.replay;

import io.chameleon.postgres.PgIdentifiers;

/** The catalogue statements a chunk's apply needs besides the per-table {@link NetEffectStatement}. */
final class ChunkQueries {

    private final String schema;

    ChunkQueries(String catalogueSchema) {
        this.schema = catalogueSchema;
    }

    /** Truncates and schema changes of a chunk, in log order (served by the change_log_barrier index). */
    String barriers(EventRange chunk) {
        return "SELECT c.batch_id, c.event_seq, c.operation, c.table_id, c.ddl, c.binlog_file, c.binlog_position"
                + " FROM " + table("change_log") + " c WHERE " + chunk.predicate()
                + " AND c.operation IN ('T', 'S') ORDER BY c.batch_id, c.event_seq";
    }

    /** Row events per table in a segment. */
    String rowCounts(EventRange segment) {
        return "SELECT c.table_id, count(*) FROM " + table("change_log") + " c WHERE " + segment.predicate()
                + " AND c.operation IN ('I', 'U', 'D') GROUP BY c.table_id ORDER BY c.table_id";
    }

    /** A table's row events in a segment, in log order, to find the one that fails. */
    String eventsOf(int tableId, EventRange segment) {
        return "SELECT c.batch_id, c.event_seq, c.binlog_file, c.binlog_position FROM " + table("change_log") + " c"
                + " WHERE " + segment.predicate() + " AND c.table_id = " + tableId
                + " AND c.operation IN ('I', 'U', 'D') ORDER BY c.batch_id, c.event_seq";
    }

    String tables() {
        // key column types as SQL type names (format_type quotes them), without typmod so a cast never truncates
        return "SELECT t.table_id, t.destination_schema, t.table_name, t.key_columns, t.replica_enabled,"
                + " (SELECT array_agg(format_type(a.atttypid, NULL) ORDER BY k.n)"
                + " FROM unnest(t.key_columns) WITH ORDINALITY AS k (name, n)"
                + " JOIN pg_namespace ns ON ns.nspname = t.destination_schema"
                + " JOIN pg_class c ON c.relnamespace = ns.oid AND c.relname = t.table_name"
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = k.name AND NOT a.attisdropped)"
                + " FROM " + table("replicated_table") + " t WHERE t.source_id = ? AND t.table_id = ANY (?)";
    }

    String disableTable() {
        return "UPDATE " + table("replicated_table") + " SET replica_enabled = false WHERE table_id = ?";
    }

    private String table(String name) {
        return PgIdentifiers.qualified(schema, name);
    }
}
