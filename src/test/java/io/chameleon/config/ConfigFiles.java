package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test fixture: a valid configuration tree to change one key at a time, written to a file and loaded. */
final class ConfigFiles {

    static final String PG_PASSWORD = "pg-Secret-42";
    static final String MYSQL_PASSWORD = "my-Secret-17";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigFiles() {
    }

    static ObjectNode validTree() {
        return (ObjectNode) readTree("/config/valid.yml");
    }

    static JsonNode readTree(String resource) {
        try (InputStream in = ConfigFiles.class.getResourceAsStream(resource)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a dotted path (parents must exist) to a text value, or to a YAML snippet when it starts with "yaml:". */
    static ObjectNode with(ObjectNode tree, String path, String value) {
        JsonNode node = value.startsWith("yaml:") ? parseSnippet(value.substring(5)) : TextNode.valueOf(value);
        parent(tree, path).set(last(path), node);
        return tree;
    }

    static ObjectNode without(ObjectNode tree, String path) {
        parent(tree, path).remove(last(path));
        return tree;
    }

    static Path write(Path dir, JsonNode tree) {
        try {
            return write(dir, YAML.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String yaml) {
        try {
            Path file = Files.createTempFile(dir, "chameleon", ".yml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedConfig load(Path file) {
        return ConfigLoader.load(file, name -> null);
    }

    static LoadedConfig load(Path file, Map<String, String> environment) {
        return ConfigLoader.load(file, environment::get);
    }

    /** Loads a tree expected to be invalid and returns the failure. */
    static ConfigurationException failure(Path dir, JsonNode tree) {
        Path file = write(dir, tree);
        return assertThrows(ConfigurationException.class, () -> load(file));
    }

    private static JsonNode parseSnippet(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode parent(ObjectNode tree, String path) {
        ObjectNode node = tree;
        String[] segments = path.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            node = (ObjectNode) node.get(segments[i]);
        }
        return node;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
