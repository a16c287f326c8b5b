package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigReferenceDocTest {

    private static final Path DOC = Path.of("docs/configuration.md");

    @Test
    void docsConfigurationMdMatchesTheKeyRegistry() throws IOException {
        String generated = ConfigReferenceDoc.markdown();
        if (Boolean.getBoolean("chameleon.regenerateDocs")) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, generated);
        }
        String committed = Files.exists(DOC) ? Files.readString(DOC) : "";

        assertEquals(generated, committed, DOC + " is out of date with ConfigKeys; regenerate it with"
                + " ./mvnw test -Dtest=ConfigReferenceDocTest -Dchameleon.regenerateDocs=true");
    }

    @Test
    void everyKeyHasOneRow() {
        String generated = ConfigReferenceDoc.markdown();

        for (ConfigKey<?> key : ConfigKeys.all()) {
            assertTrue(generated.contains("| `" + key.path() + "` |"), key.path());
        }
    }

    @Test
    void ourOwnKeysAreMarkedAsSuch() {
        assertTrue(ConfigReferenceDoc.markdown().contains("| `catalogue_schema` | PostgreSQL identifier | no |"
                + " `chameleon_catalogue` | PostgreSQL schema holding the replica catalogue | chameleon |"));
    }
}
