package io.chameleon.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a configuration file: locate, parse, substitute environment variables, validate, bind. */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads {@code --config NAME|PATH} using the process environment. */
    public static LoadedConfig load(String nameOrPath) {
        return load(ConfigLocator.resolve(nameOrPath), System::getenv);
    }

    /**
     * Loads a file, reading {@code ${NAME}} references through {@code environment}.
     *
     * @throws ConfigurationException listing every problem found in the file
     */
    public static LoadedConfig load(Path file, Function<String, String> environment) {
        ObjectNode root = YamlTreeReader.read(file);
        List<ConfigProblem> problems = new ArrayList<>(EnvironmentSubstitution.apply(root, environment));
        List<String> warnings = new ArrayList<>(MisplacedSourceKeys.liftOutOfDbConn(root));
        ConfigValidator.Result result = ConfigValidator.validate(root);
        problems.addAll(result.problems());
        if (!problems.isEmpty()) {
            throw new ConfigurationException(file, problems);
        }
        warnings.addAll(result.warnings());
        FilePermissionCheck.warning(file).ifPresent(warnings::add);
        return new LoadedConfig(file, ConfigBinder.bind(file, result.values()), warnings);
    }
}
