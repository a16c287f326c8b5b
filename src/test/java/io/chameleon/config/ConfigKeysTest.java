package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void everyPathIsDeclaredOnce() {
        List<String> paths = ConfigKeys.all().stream().map(ConfigKey::path).toList();

        assertEquals(paths.size(), paths.stream().distinct().count());
    }

    @Test
    void everyKeyHasADescription() {
        ConfigKeys.all().forEach(key -> assertFalse(key.description().isBlank(), key.path()));
    }

    @Test
    void everyDeclaredDefaultIsAValidValue() {
        ConfigKeys.all().forEach(key -> assertDoesNotThrow(key::typedDefault, key.path()));
    }

    @Test
    void alwaysRequiredKeysHaveNoDefault() {
        ConfigKeys.all().stream().filter(key -> key.requirement() == Requirement.REQUIRED)
                .forEach(key -> assertNull(key.defaultValue(), key.path()));
    }

    @Test
    void passwordsAreSecret() {
        // a webhook URL usually carries its token in the path
        assertEquals(List.of("rollbar_key", "notification_webhook", "pg_conn.password", "sources.*.db_conn.password"),
                ConfigKeys.all().stream().filter(ConfigKey::secret).map(ConfigKey::path).toList());
    }

    @Test
    void optionalKeysFallBackToPgChameleonDefaults() {
        assertEquals(ErrorPolicy.EXIT, ConfigKeys.ON_ERROR_READ.typedDefault());
        assertEquals(Optional.empty(), ConfigKeys.AUTO_MAINTENANCE.typedDefault());
        assertEquals(600L, ConfigKeys.NET_READ_TIMEOUT.typedDefault());
        assertEquals(false, ConfigKeys.KEEP_EXISTING_SCHEMA.typedDefault());
        assertEquals("chameleon_catalogue", ConfigKeys.CATALOGUE_SCHEMA.typedDefault());
    }

    @Test
    void sourceKeyPatternMatchesAnySourceName() {
        assertEquals(true, ConfigKeys.COPY_MAX_MEMORY.matches("sources.prod.copy_max_memory"));
        assertEquals(false, ConfigKeys.COPY_MAX_MEMORY.matches("sources.prod.db_conn.copy_max_memory"));
    }
}
