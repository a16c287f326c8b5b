package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** A file-system path; a leading {@code ~} is the user's home directory, as pg_chameleon expands it. */
public final class PathKind implements ValueKind<Path> {

    @Override
    public Path parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, "write a directory path").trim();
        if (text.isEmpty()) {
            throw site.problem("is empty; write a directory path");
        }
        return expandHome(text);
    }

    static Path expandHome(String text) {
        String home = System.getProperty("user.home");
        if (text.equals("~")) {
            return Path.of(home);
        }
        if (text.startsWith("~/")) {
            return Path.of(home, text.substring(2));
        }
        return Path.of(text);
    }

    @Override
    public String summary() {
        return "directory path (~ = home)";
    }
}
