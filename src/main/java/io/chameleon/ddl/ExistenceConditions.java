package io.chameleon.ddl;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB's {@code IF [NOT] EXISTS} on the columns and keys a statement adds, changes or drops ({@code ADD COLUMN IF
 * NOT EXISTS c}, {@code DROP INDEX IF EXISTS i}, {@code CREATE INDEX IF NOT EXISTS i ON t}…). Druid's grammar has
 * none of them, so {@link MariaDbSpellings} takes them out of the text and records them here; the model then applies
 * each such clause only when its condition holds in the table as the statement finds it. MariaDB logs the statement
 * as written whatever it skipped, so without the condition an idempotent migration run twice would stop the table.
 * Names are compared case-insensitively, as MySQL compares column and key names.
 */
record ExistenceConditions(Set<String> columnsIfAbsent, Set<String> columnsIfPresent, Set<String> keysIfAbsent,
                           Set<String> keysIfPresent) {

    /** What a condition is about: a column, a key, or something the model does not hold (a partition, a check). */
    enum Subject { COLUMN, KEY, OTHER }

    static ExistenceConditions none() {
        return new ExistenceConditions(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
    }

    /** Records {@code IF NOT EXISTS} ({@code ifAbsent}) or {@code IF EXISTS} before {@code name}. */
    void record(Subject subject, boolean ifAbsent, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        switch (subject) {
            case COLUMN -> (ifAbsent ? columnsIfAbsent : columnsIfPresent).add(key);
            case KEY -> (ifAbsent ? keysIfAbsent : keysIfPresent).add(key);
            case OTHER -> {
                // partitions, checks and foreign keys are not in the model: the clause changes nothing there
            }
        }
    }

    /** An ADD COLUMN IF NOT EXISTS of a column the table has. */
    boolean skipsAddedColumn(String column, TableDraft draft) {
        return columnsIfAbsent.contains(column.toLowerCase(Locale.ROOT)) && draft.hasColumn(column);
    }

    /** A DROP, CHANGE or MODIFY COLUMN IF EXISTS of a column the table lacks. */
    boolean skipsExistingColumn(String column, TableDraft draft) {
        return columnsIfPresent.contains(column.toLowerCase(Locale.ROOT)) && !draft.hasColumn(column);
    }

    /** An ADD KEY or CREATE INDEX IF NOT EXISTS of a key the table has (a key without a name is always added). */
    boolean skipsAddedKey(String key, TableDraft draft) {
        return key != null && keysIfAbsent.contains(key.toLowerCase(Locale.ROOT)) && draft.hasIndex(key);
    }

    /** A DROP KEY or DROP INDEX IF EXISTS of a key the table lacks. */
    boolean skipsExistingKey(String key, TableDraft draft) {
        return keysIfPresent.contains(key.toLowerCase(Locale.ROOT)) && !draft.hasIndex(key);
    }
}
