package io.chameleon.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML file into a tree. Only the tree API is used (no reflective binding) so the native image needs no
 * registration. Syntax errors name line and column but never quote the offending line, which may hold a password.
 */
final class YamlTreeReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlTreeReader() {
    }

    static ObjectNode read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(file, List.of(syntaxProblem(e)));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigurationException(file, List.of(new ConfigProblem("(file)",
                    "is empty; start from the example written by 'chameleon set_configuration_files'")));
        }
        if (!root.isObject()) {
            throw new ConfigurationException(file, List.of(new ConfigProblem("(file)",
                    "is not a map of keys; write one 'key: value' per line")));
        }
        return (ObjectNode) root;
    }

    private static ConfigProblem syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return new ConfigProblem("(syntax)", "line " + (marked.getProblemMark().getLine() + 1) + ", column "
                    + (marked.getProblemMark().getColumn() + 1) + ": " + marked.getProblem()
                    + "; check indentation and quoting there");
        }
        JsonLocation location = e.getLocation();
        String where = location == null ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        return new ConfigProblem("(syntax)", where + "YAML syntax error; check indentation and quoting there");
    }
}
