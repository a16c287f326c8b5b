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

/**
 * {@code type_override}: {@code "<mysql column type>": {override_to: <pg type>, override_tables: [...]}}. An
 * empty {@code type_override:} (all entries commented out) means no overrides.
 */
final class TypeOverrideKind implements ValueKind<Map<String, TypeOverride>> {

    private static final String SHAPE = "write \"tinyint(1)\": {override_to: boolean, override_tables: [\"*\"]}";
    private final StringListKind tables = new StringListKind(ListItemFormat.ALL_OR_SCHEMA_TABLE);

    @Override
    public Map<String, TypeOverride> parse(JsonNode node, ValueSite site) throws InvalidValueException {
        if (!node.isObject()) {
            throw site.invalid(node, "is not a map of MySQL types; " + SHAPE);
        }
        Map<String, TypeOverride> overrides = new LinkedHashMap<>();
        List<ValueProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            try {
                overrides.put(entry.getKey(), override(entry.getValue(), site.child(entry.getKey())));
            } catch (InvalidValueException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return Collections.unmodifiableMap(overrides);
    }

    private TypeOverride override(JsonNode entry, ValueSite site) throws InvalidValueException {
        if (!entry.isObject()) {
            throw site.problem("is not a map with override_to and override_tables; " + SHAPE);
        }
        List<ValueProblem> problems = new ArrayList<>();
        JsonNode to = entry.path("override_to");
        if (!to.isValueNode() || to.asText().isBlank()) {
            problems.add(new ValueProblem(site.child("override_to").path(),
                    "is required; name the PostgreSQL type the column becomes, e.g. boolean"));
        }
        JsonNode tableNode = entry.path("override_tables");
        List<String> tableList = List.of();
        if (tableNode.isMissingNode() || tableNode.isNull()) {
            problems.add(new ValueProblem(site.child("override_tables").path(),
                    "is required; list schema.table names, or \"*\" for every table"));
        } else {
            try {
                tableList = tables.parse(tableNode, site.child("override_tables"));
            } catch (InvalidValueException e) {
                problems.addAll(e.problems());
            }
        }
        entry.fieldNames().forEachRemaining(name -> {
            if (!name.equals("override_to") && !name.equals("override_tables")) {
                problems.add(new ValueProblem(site.child(name).path(),
                        "is not a type_override key; use override_to and override_tables"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return new TypeOverride(to.asText().trim(), tableList);
    }

    @Override
    public Map<String, TypeOverride> whenNull() {
        return Map.of();
    }

    @Override
    public String summary() {
        return "map: mysql type -> {override_to, override_tables}";
    }
}
