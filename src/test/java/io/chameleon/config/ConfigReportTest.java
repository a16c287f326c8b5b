package io.chameleon.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReportTest {

    @TempDir
    Path dir;

    private ChameleonConfig config() {
        return ConfigFiles.load(ConfigFiles.write(dir, ConfigFiles.validTree())).config();
    }

    @Test
    void showConfigListsGlobalAndTargetKeysInAlignedColumns() {
        String text = ConfigReport.showConfig(config());

        // the key column is as wide as its longest key (notification_webhook)
        String pad = " ".repeat("notification_webhook".length() + 2);
        assertTrue(text.contains("\n" + column("key", pad) + "value\n"), text);
        assertTrue(text.contains("\n" + column("log_dest", pad) + "file\n"), text);
        assertTrue(text.contains("\n" + column("pg_conn.host", pad) + "pg.example.org\n"), text);
    }

    @Test
    void showConfigListsTypeOverrides() {
        String text = ConfigReport.showConfig(config());

        assertTrue(text.contains("\ntinyint(1)     boolean      *\n"), text);
    }

    @Test
    void showConfigEndsWithTheSources() {
        String text = ConfigReport.showConfig(config());

        assertTrue(text.endsWith(ConfigReport.showSources(config())), text);
    }

    @Test
    void showSourcesListsEachSourceWithItsParameters() {
        String text = ConfigReport.showSources(config());

        assertTrue(text.startsWith("Source mysql\n"), text);
        assertTrue(text.contains("\nschema_mappings                     sakila -> sakila_pg\n"), text);
        assertTrue(text.contains("\ncopy_max_memory                     314572800 bytes\n"), text);
    }

    private static String column(String key, String pad) {
        return key + pad.substring(key.length());
    }
}
