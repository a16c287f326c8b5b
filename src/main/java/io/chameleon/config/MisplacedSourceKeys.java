package io.chameleon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pg_chameleon's own example nests the pgsql source's settings inside {@code db_conn}. Files copied from it are
 * accepted: such keys are read one level up, with a warning asking to move them. A key written in both places
 * keeps the source-level value; the nested copy is then reported as unknown.
 */
final class MisplacedSourceKeys {

    private MisplacedSourceKeys() {
    }

    static List<String> liftOutOfDbConn(ObjectNode root) {
        List<String> warnings = new ArrayList<>();
        if (!(root.get("sources") instanceof ObjectNode sources)) {
            return warnings;
        }
        for (Map.Entry<String, JsonNode> source : sources.properties()) {
            if (source.getValue() instanceof ObjectNode sourceNode
                    && sourceNode.get("db_conn") instanceof ObjectNode dbConn) {
                warnings.addAll(lift(source.getKey(), sourceNode, dbConn));
            }
        }
        return warnings;
    }

    private static List<String> lift(String sourceName, ObjectNode source, ObjectNode dbConn) {
        List<String> warnings = new ArrayList<>();
        for (String name : List.copyOf(iterableNames(dbConn))) {
            if (isSourceLevelKey(name) && !source.has(name)) {
                source.set(name, dbConn.remove(name));
                String nested = "sources." + sourceName + ".db_conn." + name;
                warnings.add(nested + ": belongs directly under sources." + sourceName
                        + ", not under db_conn; read as sources." + sourceName + "." + name + ", move it up one level");
            }
        }
        return warnings;
    }

    private static List<String> iterableNames(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean isSourceLevelKey(String name) {
        String path = "sources.*." + name;
        return ConfigKeys.all().stream().anyMatch(key -> key.path().equals(path))
                && !name.equals("db_conn");
    }
}
