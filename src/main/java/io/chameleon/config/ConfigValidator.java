package io.chameleon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chameleon.config.kind.InvalidValueException;
import io.chameleon.config.kind.SectionKind;
import io.chameleon.config.kind.ValueProblem;
import io.chameleon.config.kind.ValueSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a configuration tree against {@link ConfigKeys}: parses every value present, reports keys that are
 * missing, and warns about keys nobody reads. Collects everything instead of stopping at the first problem.
 */
final class ConfigValidator {

    private final ObjectNode root;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    private ConfigValidator(ObjectNode root) {
        this.root = root;
    }

    record Result(ValidatedValues values, List<ConfigProblem> problems, List<String> warnings) {
    }

    static Result validate(ObjectNode root) {
        ConfigValidator validator = new ConfigValidator(root);
        validator.walk(root, "");
        validator.reportMissingKeys();
        return new Result(new ValidatedValues(validator.values, validator.sourceNames()),
                List.copyOf(validator.problems), List.copyOf(validator.warnings));
    }

    private void walk(ObjectNode node, String prefix) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            Optional<ConfigKey<?>> key = keyAt(path);
            if (key.isEmpty()) {
                warnings.add(path + ": unknown key, ignored;"
                        + " check its spelling and nesting (see docs/configuration.md)");
                continue;
            }
            readValue(key.get(), path, entry.getValue());
            if (key.get().kind() instanceof SectionKind && entry.getValue() instanceof ObjectNode section) {
                walk(section, path);
            }
        }
    }

    private void readValue(ConfigKey<?> key, String path, JsonNode node) {
        if (node.isNull() && key.kind().nullMeansUnset()) {
            return;
        }
        if (node.isNull()) {
            boolean mayBeEmpty = key.requirement() == Requirement.REQUIRED_MAY_BE_EMPTY || !mustBeWritten(key, path);
            Object empty = mayBeEmpty ? emptyValue(key) : null;
            if (empty == null) {
                problems.add(new ConfigProblem(path, "has no value; " + requiredHint(key)));
            } else {
                values.put(path, empty);
            }
            return;
        }
        try {
            values.put(path, key.kind().parse(node, new ValueSite(path, key.secret())));
        } catch (InvalidValueException e) {
            for (ValueProblem problem : e.problems()) {
                problems.add(new ConfigProblem(problem.path(), problem.message()));
            }
        }
    }

    /** What {@code key:} with nothing after it means: the kind's empty form, else the declared default. */
    private static Object emptyValue(ConfigKey<?> key) {
        Object empty = key.kind().whenNull();
        return empty != null ? empty : key.typedDefault();
    }

    private void reportMissingKeys() {
        for (ConfigKey<?> key : ConfigKeys.all()) {
            for (Map.Entry<String, ObjectNode> parent : sectionsAt(key.parentPath()).entrySet()) {
                String path = parent.getKey().isEmpty() ? key.name() : parent.getKey() + "." + key.name();
                if (!parent.getValue().has(key.name()) && mustBeWritten(key, path)) {
                    problems.add(new ConfigProblem(path, "is required; " + requiredHint(key)));
                }
            }
        }
    }

    private boolean mustBeWritten(ConfigKey<?> key, String concretePath) {
        if (!key.isSourceKey()) {
            return key.requirement().appliesTo(null);
        }
        return key.requirement().appliesTo(sourceType(concretePath.split("\\.")[1]));
    }

    /** The declared type of a source; an unreadable type counts as mysql, the stricter case. */
    private SourceType sourceType(String sourceName) {
        String type = root.path("sources").path(sourceName).path("type").asText("");
        return type.trim().toLowerCase(Locale.ROOT).equals("pgsql") ? SourceType.PGSQL : SourceType.MYSQL;
    }

    private static String requiredHint(ConfigKey<?> key) {
        String description = key.description();
        String hint = Character.toLowerCase(description.charAt(0)) + description.substring(1);
        return key.example() == null ? hint : hint + ", e.g. " + key.name() + ": " + key.example();
    }

    /** Existing map nodes matching a section pattern such as {@code sources.*.db_conn}, by concrete path. */
    private Map<String, ObjectNode> sectionsAt(String pattern) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        found.put("", root);
        if (pattern.isEmpty()) {
            return found;
        }
        for (String segment : pattern.split("\\.")) {
            Map<String, ObjectNode> next = new LinkedHashMap<>();
            found.forEach((path, node) -> node.properties().forEach(child -> {
                boolean matches = segment.equals("*") || segment.equals(child.getKey());
                if (matches && child.getValue() instanceof ObjectNode o) {
                    next.put(path.isEmpty() ? child.getKey() : path + "." + child.getKey(), o);
                }
            }));
            found = next;
        }
        return found;
    }

    private List<String> sourceNames() {
        List<String> names = new ArrayList<>();
        root.path("sources").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Optional<ConfigKey<?>> keyAt(String concretePath) {
        return ConfigKeys.all().stream().filter(key -> key.matches(concretePath)).findFirst();
    }
}
