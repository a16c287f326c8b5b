package io.chameleon.config;

import java.util.List;

/** Row events to drop at read time, per kind; each entry is a {@code schema} or a {@code schema.table}. */
public record SkipEvents(List<String> insert, List<String> update, List<String> delete) {

    public static final SkipEvents NONE = new SkipEvents(List.of(), List.of(), List.of());

    public SkipEvents {
        insert = List.copyOf(insert);
        update = List.copyOf(update);
        delete = List.copyOf(delete);
    }
}
