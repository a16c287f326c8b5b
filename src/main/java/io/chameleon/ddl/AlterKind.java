package io.chameleon.ddl;

import java.util.Locale;

/**
 * One sub-command of an ALTER TABLE. An ADD or DROP naming several columns counts once per column, because each
 * column becomes its own PostgreSQL sub-command; all table options of one statement count as one
 * {@link #TABLE_OPTION}, listed last; ALGORITHM and LOCK are execution hints and are not listed.
 */
public enum AlterKind {
    ADD_COLUMN, DROP_COLUMN, CHANGE_COLUMN, MODIFY_COLUMN, RENAME_COLUMN, SET_DEFAULT, DROP_DEFAULT,
    COLUMN_VISIBILITY,
    ADD_INDEX, ADD_UNIQUE, ADD_PRIMARY_KEY, ADD_FOREIGN_KEY, ADD_CHECK,
    DROP_INDEX, DROP_PRIMARY_KEY, DROP_FOREIGN_KEY, DROP_CONSTRAINT, ALTER_CHECK, RENAME_INDEX, INDEX_VISIBILITY,
    RENAME_TABLE, CONVERT_CHARSET, TABLE_OPTION,
    /** Partition maintenance; an ALTER made only of these is skipped as a whole. */
    PARTITION,
    /** A sub-command the classifier does not know yet: the translator must treat the ALTER as untranslatable. */
    UNRECOGNISED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
