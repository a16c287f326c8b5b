package io.chameleon.config;

import io.chameleon.error.ChameleonException;
import io.chameleon.error.ExitStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration cannot be used. Carries every problem found, so a user fixes the file in one pass; the
 * message is a heading naming the file followed by one problem per line.
 */
public final class ConfigurationException extends ChameleonException {

    private final List<ConfigProblem> problems;

    public ConfigurationException(String message) {
        super(message);
        this.problems = List.of();
    }

    public ConfigurationException(Path file, List<ConfigProblem> problems) {
        super(heading(file, problems) + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining()));
        this.problems = List.copyOf(problems);
    }

    private static String heading(Path file, List<ConfigProblem> problems) {
        int count = problems.size();
        return "configuration file " + file + " has " + count + (count == 1 ? " problem:" : " problems:");
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    public ExitStatus exitStatus() {
        return ExitStatus.CONFIGURATION;
    }
}
