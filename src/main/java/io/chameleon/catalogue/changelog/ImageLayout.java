package io.chameleon.catalogue.changelog;

import java.util.List;

/**
 * The columns a table's change-log images hold, in order: every target column in binlog order for the after image,
 * the replica key for the before image. The writer registers it as a row layout of the catalogue.
 */
public record ImageLayout(int tableId, List<String> columnNames, List<String> keyColumns) {
}
