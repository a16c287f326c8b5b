package io.chameleon.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the schema mappings of the configuration file differ from those stored in the catalogue, per MySQL
 * database: a database mapped to another schema (renamed), mapped only in the file (added), or only in the
 * catalogue (removed).
 *
 * @param renamed origin schema to {old destination, new destination}
 */
public record SchemaMappingDifference(Map<String, Rename> renamed, Map<String, String> added,
                                      Map<String, String> removed) {

    /** A destination schema the file names differently. */
    public record Rename(String from, String to) {
    }

    public SchemaMappingDifference {
        renamed = Map.copyOf(renamed);
        added = Map.copyOf(added);
        removed = Map.copyOf(removed);
    }

    public static SchemaMappingDifference between(Map<String, String> catalogue, Map<String, String> file) {
        Map<String, Rename> renamed = new LinkedHashMap<>();
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        file.forEach((origin, destination) -> {
            String stored = catalogue.get(origin);
            if (stored == null) {
                added.put(origin, destination);
            } else if (!Objects.equals(stored, destination)) {
                renamed.put(origin, new Rename(stored, destination));
            }
        });
        catalogue.forEach((origin, destination) -> {
            if (!file.containsKey(origin)) {
                removed.put(origin, destination);
            }
        });
        return new SchemaMappingDifference(renamed, added, removed);
    }

    public boolean isEmpty() {
        return renamed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /** One item per change, sorted by database, e.g. {@code shop: shop_pg -> shop_v2 (renamed)}. */
    public List<String> items() {
        List<String> items = new ArrayList<>();
        renamed.forEach((origin, r) -> items.add(origin + ": " + r.from() + " -> " + r.to() + " (renamed)"));
        added.forEach((origin, destination) -> items.add(origin + " -> " + destination + " (only in the file)"));
        removed.forEach((origin, destination) -> items.add(origin + " -> " + destination
                + " (only in the catalogue)"));
        items.sort(null);
        return items;
    }

    /**
     * The warning every command that reads both prints: what differs, which mappings are in force, and the command
     * that applies the file's.
     */
    public String warning(String source, String configName) {
        return "source " + source + ": schema_mappings in the configuration differ from the catalogue's ("
                + String.join("; ", items()) + "); the catalogue's are in force until 'chameleon update_schema_mappings"
                + (configName == null || configName.equals("default") ? "" : " --config " + configName)
                + " --source " + source + "' applies the file's";
    }
}
