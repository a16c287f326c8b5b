package io.chameleon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} inside text values with environment variables, so secrets
 * can stay out of the file. Runs on the tree before validation; the substituted values are never reported.
 */
final class EnvironmentSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private final Function<String, String> environment;
    private final List<ConfigProblem> problems = new ArrayList<>();

    private EnvironmentSubstitution(Function<String, String> environment) {
        this.environment = environment;
    }

    /** Substitutes in place and returns the problems (unset variables without a default). */
    static List<ConfigProblem> apply(ObjectNode root, Function<String, String> environment) {
        EnvironmentSubstitution substitution = new EnvironmentSubstitution(environment);
        substitution.inObject(root, "");
        return substitution.problems;
    }

    private void inObject(ObjectNode node, String path) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String childPath = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode replaced = substituted(entry.getValue(), childPath);
            if (replaced != entry.getValue()) {
                entry.setValue(replaced);
            }
        }
    }

    private JsonNode substituted(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            inObject(object, path);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substituted(array.get(i), path + "[" + i + "]"));
            }
        } else if (node.isTextual() && node.textValue().contains("${")) {
            return TextNode.valueOf(expand(node.textValue(), path));
        }
        return node;
    }

    private String expand(String text, String path) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = environment.apply(matcher.group(1));
            if (value == null) {
                value = matcher.group(3);
            }
            if (value == null) {
                problems.add(new ConfigProblem(path, "environment variable " + matcher.group(1)
                        + " is not set; export it, or write ${" + matcher.group(1) + ":-default}"));
                value = "";
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
