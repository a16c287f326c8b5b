package io.chameleon.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code src/test/resources/ddl/known-gaps.tsv}: corpus id, what the classifier says today, why. */
final class KnownGaps {

    private static final Map<String, String> OUTCOMES = load();

    private KnownGaps() {
    }

    static Optional<String> outcome(String id) {
        return Optional.ofNullable(OUTCOMES.get(id));
    }

    private static Map<String, String> load() {
        try (InputStream in = KnownGaps.class.getResourceAsStream("/ddl/known-gaps.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", -1))
                    .collect(Collectors.toMap(f -> f[0], f -> f[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
