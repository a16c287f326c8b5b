package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretMaskingTest {

    @TempDir
    Path dir;

    private ChameleonConfig validConfig() {
        return ConfigFiles.load(ConfigFiles.write(dir, ConfigFiles.validTree())).config();
    }

    @Test
    void secretPrintsAsMask() {
        Secret secret = new Secret("hunter2");

        assertEquals("********", secret.toString());
        assertEquals("hunter2", secret.reveal());
    }

    @Test
    void recordsHoldingPasswordsPrintMasked() {
        ChameleonConfig config = validConfig();

        assertFalse(config.toString().contains(ConfigFiles.PG_PASSWORD));
        assertFalse(config.toString().contains(ConfigFiles.MYSQL_PASSWORD));
    }

    @Test
    void showConfigMasksPasswords() {
        String text = ConfigReport.showConfig(validConfig());

        assertFalse(text.contains(ConfigFiles.PG_PASSWORD), text);
        assertFalse(text.contains(ConfigFiles.MYSQL_PASSWORD), text);
        assertTrue(text.matches("(?s).*\npg_conn\\.password +\\*{8}\n.*"), text);
    }

    @Test
    void showSourcesMasksPasswords() {
        String text = ConfigReport.showSources(validConfig());

        assertFalse(text.contains(ConfigFiles.MYSQL_PASSWORD), text);
        assertTrue(text.contains("db_conn.password                    ********"), text);
    }

    @Test
    void passwordOfWrongShapeIsNotQuotedInMessage() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "pg_conn.password", "yaml:[pg-Secret-42]");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertEquals("pg_conn.password: is a list, not a single value; write it as text",
                failure.problems().get(0).toString());
        assertFalse(failure.getMessage().contains(ConfigFiles.PG_PASSWORD));
    }

    @Test
    void failingFileNeverEchoesPasswords() {
        ObjectNode tree = ConfigFiles.with(ConfigFiles.validTree(), "pg_conn.port", "abc");
        ConfigFiles.with(tree, "sources.mysql.type", "oracle");

        ConfigurationException failure = ConfigFiles.failure(dir, tree);

        assertFalse(failure.getMessage().contains(ConfigFiles.PG_PASSWORD), failure.getMessage());
        assertFalse(failure.getMessage().contains(ConfigFiles.MYSQL_PASSWORD), failure.getMessage());
    }

    @Test
    void syntaxErrorOnPasswordLineDoesNotQuoteTheLine() {
        Path file = ConfigFiles.write(dir, "pg_conn:\n  password: \"pg-Secret-42\n  port: 5432\n: : :\n");

        ConfigurationException failure = assertThrows(ConfigurationException.class, () -> ConfigFiles.load(file));

        assertFalse(failure.getMessage().contains("pg-Secret-42"), failure.getMessage());
    }
}
