package io.chameleon.config;

import java.util.List;

/**
 * One {@code type_override} entry: columns of the MySQL type (the map key) become {@code overrideTo} in the
 * listed tables ({@code schema.table}, or {@code *} for all).
 */
public record TypeOverride(String overrideTo, List<String> tables) {

    public TypeOverride {
        tables = List.copyOf(tables);
    }

    public boolean appliesToAllTables() {
        return tables.contains("*");
    }
}
