package io.chameleon.postgres;

import io.chameleon.error.StateException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Destination schema names a source may not map to: names PostgreSQL keeps for itself ({@code pg_*}, which CREATE
 * SCHEMA refuses, so a copy would fail only at its end when it swaps the loaded schema in; and
 * {@code information_schema}), the catalogue's own schema, names PostgreSQL would truncate, and empty ones. The one
 * rule for add_source and update_schema_mappings, applied before anything is registered or renamed.
 */
public final class ReservedSchemaNames {

    private static final int MAX_IDENTIFIER_BYTES = 63;

    private ReservedSchemaNames() {
    }

    /** Why a destination schema cannot take this name, or null when it can. */
    public static String reason(String destination, String catalogueSchema) {
        String lower = destination.toLowerCase(Locale.ROOT);
        if (lower.startsWith("pg_")) {
            return "PostgreSQL reserves schema names starting with pg_";
        }
        if (lower.equals("information_schema")) {
            return "it is PostgreSQL's information schema";
        }
        if (destination.equals(catalogueSchema)) {
            return "it is the replica catalogue";
        }
        if (destination.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
            return "PostgreSQL names are at most " + MAX_IDENTIFIER_BYTES + " bytes and it would be truncated";
        }
        if (destination.isBlank()) {
            return "it is empty";
        }
        return null;
    }

    /** Refuses the first mapping of the source to a destination schema it cannot use. */
    public static void refuse(String source, Map<String, String> mappings, String catalogueSchema) {
        mappings.forEach((origin, destination) -> refuse(source, origin, destination, catalogueSchema));
    }

    /** Refuses one mapping to a destination schema it cannot use, naming the fix. */
    public static void refuse(String source, String origin, String destination, String catalogueSchema) {
        String why = reason(destination, catalogueSchema);
        if (why != null) {
            throw new StateException("source '" + source + "': MySQL database '" + origin + "' cannot map to schema '"
                    + destination + "': " + why + "; choose another name in schema_mappings");
        }
    }
}
