package io.chameleon.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns {@code --config NAME|PATH} into a file. A bare name is looked up as pg_chameleon does, in
 * {@code <home>/configuration/<name>.yml}; anything that looks like a path is taken as one.
 */
public final class ConfigLocator {

    private ConfigLocator() {
    }

    public static Path resolve(String nameOrPath) {
        Path file = candidate(nameOrPath);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("configuration file not found: " + file
                    + " (create one with 'chameleon set_configuration_files', or pass --config PATH)");
        }
        return file;
    }

    private static Path candidate(String nameOrPath) {
        if (Files.isRegularFile(Path.of(nameOrPath)) || looksLikePath(nameOrPath)) {
            return Path.of(nameOrPath);
        }
        return ChameleonHome.configurationDirectory().resolve(nameOrPath + ".yml");
    }

    private static boolean looksLikePath(String value) {
        return value.contains("/") || value.endsWith(".yml") || value.endsWith(".yaml");
    }
}
