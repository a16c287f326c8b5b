package io.chameleon.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the objects we create beside tables. Index and type names share one namespace per PostgreSQL schema
 * while MySQL index names are per table, so they are prefixed with the table name; PostgreSQL truncates names at
 * 63 bytes, so longer ones are cut and end with a hash of the full name to stay distinct.
 */
public final class PgNames {

    static final int MAX_BYTES = 63;
    private static final int HASH_CHARS = 8;

    private PgNames() {
    }

    public static String index(String table, String mysqlIndex) {
        return fit(table + "_" + (mysqlIndex.equals("PRIMARY") ? "pkey" : mysqlIndex));
    }

    public static String primaryKey(String table) {
        return fit(table + "_pkey");
    }

    public static String enumType(String table, String column) {
        return fit("enum_" + table + "_" + column);
    }

    /** Prefix of the functions and triggers that replay a foreign key's actions (see CascadeTriggerDdl). */
    public static final String FOREIGN_KEY_ACTION_PREFIX = "chameleon_fk_";

    /**
     * The function, and the trigger on the parent table, that apply the actions of foreign key {@code name} of
     * {@code schema.table} (the child, as the source names it): always ending with a hash of the three names, so that
     * keys of different source schemas never share a name in the parent's schema.
     */
    public static String foreignKeyAction(String schema, String table, String name) {
        return hashed(FOREIGN_KEY_ACTION_PREFIX + table + "_" + name, schema + "\0" + table + "\0" + name);
    }

    /** The same, for the function and trigger on the child table that catch children whose parent is gone. */
    public static String foreignKeyOrphans(String schema, String table, String name) {
        return hashed(FOREIGN_KEY_ACTION_PREFIX + "orphans_" + table + "_" + name,
                schema + "\0" + table + "\0" + name + "\0orphans");
    }

    private static String hashed(String readable, String identity) {
        return prefix(readable, MAX_BYTES - HASH_CHARS - 1) + "_" + hash(identity.getBytes(StandardCharsets.UTF_8));
    }

    /** The name itself when it fits in 63 UTF-8 bytes, else a prefix of it + {@code _} + 8 hex digits of a hash. */
    static String fit(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return name;
        }
        return prefix(name, MAX_BYTES - HASH_CHARS - 1) + "_" + hash(utf8);
    }

    /** The longest prefix of {@code name}, whole characters, within {@code budget} UTF-8 bytes. */
    private static String prefix(String name, int budget) {
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            prefix.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return prefix.toString();
    }

    private static String hash(byte[] name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name);
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
