package io.chameleon.testsupport;

import java.util.Locale;
import java.util.Optional;

/** Settings read from system properties and environment variables (a system property wins). */
final class TestEnvironment {

    /** How servers are provided; {@link #AUTO} tries env, then local binaries, then containers. */
    enum Mode { AUTO, ENV, LOCAL, CONTAINERS }

    static final String MODE_PROPERTY = "chameleon.test.servers";
    static final String KEEP_PROPERTY = "chameleon.test.keep";

    private TestEnvironment() {
    }

    static Mode mode() {
        String value = setting(MODE_PROPERTY);
        if (value == null || value.isBlank()) {
            return Mode.AUTO;
        }
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ServerException(MODE_PROPERTY + "=" + value + " is not one of env, local, containers");
        }
    }

    /** Keep test databases (and private servers' data dirs) after the run, for debugging. */
    static boolean keep() {
        String value = setting(KEEP_PROPERTY);
        return value != null && !value.equalsIgnoreCase("false");
    }

    /** {@code CHAMELEON_TEST_<server>_HOST/_PORT/_USER/_PASSWORD}; present when HOST is set. */
    static Optional<Endpoint> endpointFromEnv(String server, int defaultPort, String defaultUser) {
        String prefix = "CHAMELEON_TEST_" + server + "_";
        String host = System.getenv(prefix + "HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String port = System.getenv(prefix + "PORT");
        String user = System.getenv(prefix + "USER");
        String password = System.getenv(prefix + "PASSWORD");
        try {
            return Optional.of(new Endpoint(host.trim(),
                    port == null || port.isBlank() ? defaultPort : Integer.parseInt(port.trim()),
                    user == null || user.isBlank() ? defaultUser : user.trim(),
                    password == null ? "" : password));
        } catch (NumberFormatException e) {
            throw new ServerException(prefix + "PORT=" + port + " is not a port number");
        }
    }

    /** System property {@code a.b.c}, else environment variable {@code A_B_C}. */
    private static String setting(String property) {
        String value = System.getProperty(property);
        if (value != null) {
            return value;
        }
        return System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
    }
}
