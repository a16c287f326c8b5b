package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A non-empty map of names to names, in file order (e.g. MySQL database to PostgreSQL schema). */
public final class StringMapKind implements ValueKind<Map<String, String>> {

    private final String pairHint;

    /** @param pairHint how one pair is written, e.g. {@code "mysql_database: postgresql_schema"} */
    public StringMapKind(String pairHint) {
        this.pairHint = pairHint;
    }

    @Override
    public Map<String, String> parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String fix = "write one \"" + pairHint + "\" pair per line";
        if (!node.isObject()) {
            throw site.invalid(node, "is not a map; " + fix);
        }
        if (node.isEmpty()) {
            throw site.problem("has no entries; " + fix);
        }
        Map<String, String> map = new LinkedHashMap<>();
        List<ValueProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (value.isContainerNode() || value.isNull() || value.asText().isBlank()) {
                problems.add(new ValueProblem(site.child(entry.getKey()).path(), "has no single name; " + fix));
            } else {
                map.put(entry.getKey(), value.asText().trim());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public String summary() {
        return "map " + pairHint;
    }
}
