package io.chameleon.postgres;

import io.chameleon.config.ConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Destination schema names PostgreSQL keeps for itself: names starting with {@code pg_} (CREATE SCHEMA refuses them,
 * so a copy would fail only at its end, when it swaps the loaded schema in) and {@code information_schema}; and the
 * catalogue's own schema, which a copy would replace. Refused when a mapping is registered (add_source,
 * update_schema_mappings), naming every offending mapping.
 */
public final class ReservedSchemaNames {

    private ReservedSchemaNames() {
    }

    /** Why PostgreSQL (or chameleon) keeps this schema name, or null when it is free to use. */
    public static String reason(String schema, String catalogueSchema) {
        if (schema.startsWith("pg_")) {
            return "PostgreSQL reserves schema names starting with pg_ for its system schemas";
        }
        if (schema.equals("information_schema")) {
            return "information_schema is PostgreSQL's own schema";
        }
        if (schema.equals(catalogueSchema)) {
            return "it is the replica catalogue's schema (catalogue_schema)";
        }
        return null;
    }

    /** Refuses mappings of the source to reserved destination schemas. */
    public static void refuse(String source, Map<String, String> mappings, String catalogueSchema, Path file) {
        List<String> problems = new ArrayList<>();
        mappings.forEach((origin, destination) -> {
            String reason = reason(destination, catalogueSchema);
            if (reason != null) {
                problems.add("'" + origin + "' -> '" + destination + "' (" + reason + ")");
            }
        });
        if (!problems.isEmpty()) {
            throw new ConfigurationException("schema_mappings of source " + source + " in " + file + " map to"
                    + " destination schemas that cannot be used: " + String.join("; ", problems) + "; map them to"
                    + " other names (for example without the pg_ prefix) and run the command again");
        }
    }
}
