package io.chameleon.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.chameleon.config.kind.InvalidValueException;
import io.chameleon.config.kind.ListItemFormat;
import io.chameleon.config.kind.StringListKind;
import io.chameleon.config.kind.ValueKind;
import io.chameleon.config.kind.ValueProblem;
import io.chameleon.config.kind.ValueSite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code fillfactor}: {@code "<10..100>": {tables: [schema.table, ...]}}. */
final class FillfactorKind implements ValueKind<Map<Integer, List<String>>> {

    private static final String SHAPE = "write \"30\": {tables: [my_db.my_table]}";
    private final StringListKind tables = new StringListKind(ListItemFormat.ALL_OR_SCHEMA_TABLE);

    @Override
    public Map<Integer, List<String>> parse(JsonNode node, ValueSite site) throws InvalidValueException {
        if (!node.isObject()) {
            throw site.invalid(node, "is not a map of fillfactor values; " + SHAPE);
        }
        Map<Integer, List<String>> byFillfactor = new LinkedHashMap<>();
        List<ValueProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            ValueSite entrySite = site.child(entry.getKey());
            String key = entry.getKey().trim();
            if (!key.matches("\\d{1,3}") || Integer.parseInt(key) < 10 || Integer.parseInt(key) > 100) {
                problems.add(new ValueProblem(entrySite.path(),
                        "\"" + key + "\" is not a fillfactor; use an integer from 10 to 100"));
                continue;
            }
            JsonNode entryNode = entry.getValue();
            if (!entryNode.isObject() || !entryNode.has("tables")) {
                problems.add(new ValueProblem(entrySite.child("tables").path(), "is required; " + SHAPE));
                continue;
            }
            if (entryNode.get("tables").isNull()) {
                byFillfactor.put(Integer.parseInt(key), List.of());
                continue;
            }
            try {
                List<String> tableList = tables.parse(entryNode.get("tables"), entrySite.child("tables"));
                byFillfactor.put(Integer.parseInt(key), tableList);
            } catch (InvalidValueException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return Collections.unmodifiableMap(byFillfactor);
    }

    @Override
    public Map<Integer, List<String>> whenNull() {
        return Map.of();
    }

    @Override
    public String summary() {
        return "map: 10..100 -> {tables}";
    }
}
