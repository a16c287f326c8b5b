package io.chameleon.mysql;

import java.util.List;
import java.util.Set;

/** {@code limit_tables} (a whitelist when not empty) then {@code skip_tables}, both as {@code schema.table}. */
public record TableFilter(Set<String> limit, Set<String> skip) {

    public TableFilter(List<String> limit, List<String> skip) {
        this(Set.copyOf(limit), Set.copyOf(skip));
    }

    public boolean accepts(String schema, String table) {
        String qualified = schema + "." + table;
        return (limit.isEmpty() || limit.contains(qualified)) && !skip.contains(qualified);
    }
}
