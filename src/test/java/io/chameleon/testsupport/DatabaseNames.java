package io.chameleon.testsupport;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Database names that are valid unquoted identifiers on both servers (lower case, at most 63 characters,
 * PostgreSQL's limit) and unique per test class and run, so runs sharing an env server never collide.
 */
public final class DatabaseNames {

    static final int MAX_LENGTH = 63;
    private static final int SUFFIX_LENGTH = 8;
    private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0," + (MAX_LENGTH - 1) + "}");
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseNames() {
    }

    /** E.g. {@code MariaDbServerTest} becomes {@code maria_db_server_test_k3v9x0qa}. */
    public static String forTestClass(Class<?> testClass) {
        String className = testClass.getName().substring(testClass.getPackageName().length()).replaceFirst("^\\.", "");
        String base = className.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("_+", "_")
                .replaceAll("^_|_$", "");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "t_" + base;
        }
        int room = MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (base.length() > room) {
            base = base.substring(0, room);
        }
        return base + "_" + randomSuffix();
    }

    static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid test database name (want [a-z_][a-z0-9_]*, at most "
                    + MAX_LENGTH + " characters): " + name);
        }
        return name;
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
