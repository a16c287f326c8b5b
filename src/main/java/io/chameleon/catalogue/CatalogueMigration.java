package io.chameleon.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One versioned step of the catalogue, kept as a SQL resource with a {@code ${catalogue}} placeholder. */
public record CatalogueMigration(int version, String description, String resource) {

    /** The migration's SQL with the catalogue schema put in (already quoted). */
    public String sql(String quotedSchema) {
        try (InputStream in = CatalogueMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("catalogue migration resource missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${catalogue}", quotedSchema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalogue migration " + resource, e);
        }
    }
}
