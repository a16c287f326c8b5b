package io.chameleon.catalogue;

/** A table of the registry with its catalogue id and whether replication is on for it. */
public record RegisteredTable(int tableId, ReplicatedTable table, boolean enabled) {
}
