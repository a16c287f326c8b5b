package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A YAML list of names; an empty YAML value is an empty list, as pg_chameleon treats {@code limit_tables:}. */
public final class StringListKind implements ValueKind<List<String>> {

    private final ListItemFormat format;

    public StringListKind(ListItemFormat format) {
        this.format = format;
    }

    @Override
    public List<String> parse(JsonNode node, ValueSite site) throws InvalidValueException {
        if (!node.isArray()) {
            throw site.invalid(node, "is not a list; write one item per line, each starting with \"- \"");
        }
        List<String> items = new ArrayList<>();
        List<ValueProblem> problems = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            ValueSite itemSite = site.item(i);
            if (item.isContainerNode() || item.isNull() || !format.accepts(item.asText().trim())) {
                String shown = item.isNull() ? "an empty item" : itemSite.shown(item);
                problems.add(new ValueProblem(itemSite.path(), shown + " " + format.problem()));
            } else {
                items.add(item.asText().trim());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(problems);
        }
        return List.copyOf(items);
    }

    @Override
    public List<String> whenNull() {
        return List.of();
    }

    @Override
    public String summary() {
        return "list of " + format.summary();
    }
}
