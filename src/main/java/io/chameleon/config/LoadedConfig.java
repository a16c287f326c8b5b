package io.chameleon.config;

import java.nio.file.Path;
import java.util.List;

/** A usable configuration plus the warnings to show the user (unknown keys, file permissions...). */
public record LoadedConfig(Path file, ChameleonConfig config, List<String> warnings) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
