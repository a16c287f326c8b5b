package io.chameleon.cutover;

import io.chameleon.catalogue.RegisteredTable;
import io.chameleon.mysql.BinlogPosition;
import io.chameleon.mysql.ForeignKey;
import io.chameleon.postgres.PgIdentifiers;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What detach_replica did, as printed for the operator.
 *
 * @param finalPosition where the reader stopped: every change before it is in PostgreSQL (unless left behind)
 * @param leftBehind    what --force let go (empty without it)
 */
public record CutOverReport(String source, Map<String, String> schemaMappings, List<RegisteredTable> tables,
                            List<SequenceAdvance.Advanced> sequences, List<ForeignKeyCreation.Outcome> foreignKeys,
                            BinlogPosition startPosition, BinlogPosition finalPosition, List<String> leftBehind) {

    /** Foreign keys that are not in force and validated: NOT VALID, or not created at all. */
    public long foreignKeysNotValid() {
        return foreignKeys.stream().filter(k -> k.state() == ForeignKeyCreation.State.NOT_VALID
                || k.state() == ForeignKeyCreation.State.NOT_CREATED).count();
    }

    /** One line for an alert: tables, sequences set, foreign keys created and not valid, final position. */
    public String summaryLine() {
        return tables.size() + " tables, " + sequences.stream().filter(SequenceAdvance.Advanced::moved).count()
                + " sequences set, " + count(ForeignKeyCreation.State.VALID) + " foreign keys created, "
                + foreignKeysNotValid() + " not valid, final position " + finalPosition;
    }

    /** The same figures by name, for receivers that act on them. */
    public Map<String, Object> details() {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("tables", tables.size());
        details.put("sequences_set", sequences.stream().filter(SequenceAdvance.Advanced::moved).count());
        details.put("foreign_keys_created", count(ForeignKeyCreation.State.VALID));
        details.put("foreign_keys_not_valid", foreignKeysNotValid());
        details.put("final_position", String.valueOf(finalPosition));
        details.put("left_behind", List.copyOf(leftBehind));
        return details;
    }

    public String render() {
        StringBuilder text = new StringBuilder("Source " + source + " detached: it is no longer in the catalogue, "
                + "its schemas " + new TreeSet<>(schemaMappings.values()) + " stay for the application.\n");
        long replicated = tables.stream().filter(t -> t.table().replicated()).count();
        text.append("  tables: ").append(tables.size()).append(" (").append(replicated).append(" replicated)\n");
        long moved = sequences.stream().filter(SequenceAdvance.Advanced::moved).count();
        text.append("  sequences: ").append(sequences.size()).append(" checked, ").append(moved)
                .append(" set past the values in use\n");
        for (SequenceAdvance.Advanced s : sequences) {
            text.append("    ").append(s.table()).append('.').append(s.column()).append(": next value ")
                    .append(s.nextValue()).append(s.moved() ? "" : " (already past)").append('\n');
        }
        text.append("  foreign keys: ").append(count(ForeignKeyCreation.State.VALID)).append(" created and "
                + "validated, ").append(count(ForeignKeyCreation.State.NOT_VALID)).append(" NOT VALID, ")
                .append(count(ForeignKeyCreation.State.NOT_CREATED)).append(" not created, ")
                .append(count(ForeignKeyCreation.State.ALREADY_THERE)).append(" already there, ")
                .append(count(ForeignKeyCreation.State.SKIPPED)).append(" skipped\n");
        for (ForeignKeyCreation.Outcome outcome : foreignKeys) {
            ForeignKey key = outcome.key();
            String child = schemaMappings.get(key.schema()) + "." + key.table();
            switch (outcome.state()) {
                case NOT_VALID -> text.append("    NOT VALID ").append(key.label()).append(": ")
                        .append(outcome.violatingRows()).append(" rows of ").append(child)
                        .append(" have no matching row in ").append(schemaMappings.get(key.referencedSchema()))
                        .append('.').append(key.referencedTable()).append("; new writes are checked already. Fix "
                        + "those rows, then run: ALTER TABLE ").append(PgIdentifiers.qualified(
                                schemaMappings.get(key.schema()), key.table())).append(" VALIDATE CONSTRAINT ")
                        .append(PgIdentifiers.quote(key.name())).append('\n');
                case NOT_CREATED -> text.append("    NOT CREATED ").append(key.label()).append(": ")
                        .append(outcome.detail()).append('\n');
                case SKIPPED -> text.append("    skipped ").append(key.label()).append(": ").append(outcome.detail())
                        .append('\n');
                default -> {
                }
            }
        }
        text.append("  binlog position: ").append(startPosition).append(" when the command started, ")
                .append(finalPosition).append(" when the replica stopped (everything before it is in PostgreSQL")
                .append(leftBehind.isEmpty() ? ")" : ", except what is left behind").append('\n');
        if (!leftBehind.isEmpty()) {
            text.append("  LEFT BEHIND (--force):\n");
            leftBehind.forEach(line -> text.append("    ").append(line).append('\n'));
        }
        return text.toString();
    }

    private long count(ForeignKeyCreation.State state) {
        return foreignKeys.stream().filter(k -> k.state() == state).count();
    }
}
