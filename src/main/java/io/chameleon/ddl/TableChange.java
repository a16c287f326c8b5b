package io.chameleon.ddl;

import io.chameleon.mysql.SourceTable;

import java.util.Map;

/** A change to the source structure made by one DDL statement. */
public sealed interface TableChange {

    record Created(SourceTable table) implements TableChange {
    }

    record Dropped(TableName table) implements TableChange {
    }

    /** The table changes name (and maybe database); its structure is unchanged. */
    record Renamed(TableName from, TableName to) implements TableChange {
    }

    /** @param renamedColumns old name -> new name (CHANGE / RENAME COLUMN), in statement order */
    record Altered(SourceTable before, SourceTable after, Map<String, String> renamedColumns) implements TableChange {
        public Altered {
            renamedColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(renamedColumns));
        }
    }
}
