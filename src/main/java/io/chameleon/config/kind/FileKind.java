package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/** A readable file (certificates, keys); a leading {@code ~} is the user's home directory. */
public final class FileKind implements ValueKind<Path> {

    @Override
    public Path parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String text = ScalarText.of(node, site, "write a file path").trim();
        if (text.isEmpty()) {
            throw site.problem("is empty; write a file path or leave the key out");
        }
        Path path = PathKind.expandHome(text);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw site.invalid(node, "is not a readable file; give the path of an existing file");
        }
        return path;
    }

    /** {@code ssl_ca:} with nothing after it: no file, as in the example configuration. */
    @Override
    public boolean nullMeansUnset() {
        return true;
    }

    @Override
    public String summary() {
        return "file path (~ = home)";
    }
}
