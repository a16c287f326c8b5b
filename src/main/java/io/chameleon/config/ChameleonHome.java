package io.chameleon.config;

import java.nio.file.Path;

/**
 * The tool's home directory, holding {@code configuration/}, {@code logs/} and {@code pid/}. Defaults to
 * pg_chameleon's {@code ~/.pg_chameleon} so existing installations work unchanged.
 */
public final class ChameleonHome {

    public static final String PROPERTY = "chameleon.home";
    public static final String ENVIRONMENT = "CHAMELEON_HOME";

    private ChameleonHome() {
    }

    /** System property {@code chameleon.home}, else environment {@code CHAMELEON_HOME}, else ~/.pg_chameleon. */
    public static Path directory() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        return Path.of(System.getProperty("user.home"), ".pg_chameleon");
    }

    public static Path configurationDirectory() {
        return directory().resolve("configuration");
    }
}
