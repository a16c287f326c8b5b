package io.chameleon.copy;

import io.chameleon.config.ChameleonConfig;
import io.chameleon.schema.PgTable;

import java.util.List;
import java.util.Map;

/**
 * The fillfactor configured for a table. pg_chameleon matches the origin schema at copy time and the destination
 * schema for DDL; both names are accepted here, and {@code *} for every table.
 */
final class Fillfactors {

    private Fillfactors() {
    }

    /** The fillfactor for the table, or null; when a table is listed under several values the last one wins. */
    static Integer of(ChameleonConfig config, String originSchema, PgTable table) {
        Integer found = null;
        String destinationName = table.schema() + "." + table.name();
        String originName = originSchema + "." + table.name();
        for (Map.Entry<Integer, List<String>> entry : config.fillfactor().entrySet()) {
            List<String> tables = entry.getValue();
            if (tables.contains(destinationName) || tables.contains(originName) || tables.contains("*")) {
                found = entry.getKey();
            }
        }
        return found;
    }
}
