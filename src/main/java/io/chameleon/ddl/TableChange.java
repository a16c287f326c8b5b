package io.chameleon.ddl;

import io.chameleon.mysql.SourceTable;

import java.util.Map;

/** A change to the source structure made by one DDL statement. */
public sealed interface TableChange {
    record Created(SourceTable table) implements TableChange {}
    record Dropped(TableName table) implements TableChange {}
    record Renamed(TableName from, TableName to) implements TableChange {}
    record Altered(SourceTable before, SourceTable after, Map<String, String> renamedColumns) implements TableChange {}
}
