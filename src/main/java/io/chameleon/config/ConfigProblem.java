package io.chameleon.config;

/** One thing wrong in a configuration file: the key path it concerns and what to do about it. */
public record ConfigProblem(String keyPath, String message) {

    @Override
    public String toString() {
        return keyPath + ": " + message;
    }
}
