package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocatorTest {

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty(ChameleonHome.PROPERTY);
    }

    @Test
    void nameIsLookedUpInTheConfigurationDirectoryOfChameleonHome() throws IOException {
        System.setProperty(ChameleonHome.PROPERTY, home.toString());
        Path file = home.resolve("configuration/production.yml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "pid_dir: /tmp\n");

        assertEquals(file, ConfigLocator.resolve("production"));
    }

    @Test
    void configLoadsByName() throws IOException {
        System.setProperty(ChameleonHome.PROPERTY, home.toString());
        Path file = home.resolve("configuration/default.yml");
        Files.createDirectories(file.getParent());
        Files.move(ConfigFiles.write(home, ConfigFiles.validTree()), file);

        assertEquals(file, ConfigLoader.load("default").file());
    }

    @Test
    void valueWithSlashIsAPath() throws IOException {
        Path file = Files.writeString(home.resolve("my config.yaml"), "pid_dir: /tmp\n");

        assertEquals(file, ConfigLocator.resolve(file.toString()));
    }

    @Test
    void missingNamedFileSaysHowToCreateOne() {
        System.setProperty(ChameleonHome.PROPERTY, home.toString());

        ConfigurationException failure = assertThrows(ConfigurationException.class,
                () -> ConfigLocator.resolve("nosuch"));

        assertEquals("configuration file not found: " + home.resolve("configuration/nosuch.yml")
                + " (create one with 'chameleon set_configuration_files', or pass --config PATH)",
                failure.getMessage());
    }

    @Test
    void homeDefaultsToPgChameleonDirectory() {
        if (System.getenv(ChameleonHome.ENVIRONMENT) == null) {
            assertEquals(Path.of(System.getProperty("user.home"), ".pg_chameleon"), ChameleonHome.directory());
        }
    }
}
