package io.chameleon.catalogue;

import io.chameleon.error.StateException;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RealServers
class CatalogueTest {

    private final PostgresDatabase database;
    private Connection connection;
    private Catalogue catalogue;

    CatalogueTest(PostgresDatabase database) {
        this.database = database;
    }

    @BeforeEach
    void openCatalogue() throws SQLException {
        connection = database.connect();
        catalogue = new Catalogue(connection, "cat_under_test", "test");
        catalogue.drop();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void createsTheCatalogueAtTheLatestVersion() throws SQLException {
        assertThat(catalogue.create()).isTrue();

        assertThat(catalogue.installedVersion()).contains(CatalogueMigrations.latestVersion());
        assertThat(tablesOf("cat_under_test")).contains("source", "schema_mapping", "replicated_table",
                "log_batch", "change_log", "read_position", "replay_progress", "schema_history", "replay_error",
                "discarded_row", "catalogue_version");
    }

    @Test
    void createTwiceIsANoOp() throws SQLException {
        catalogue.create();
        List<String> before = versionRows();

        assertThat(catalogue.create()).isFalse();

        assertThat(versionRows()).isEqualTo(before).hasSize(CatalogueMigrations.ALL.size());
    }

    @Test
    void upgradeFromTheFirstVersionAppliesLaterMigrationsInOrder() throws SQLException {
        catalogue.migrateTo(1);
        assertThat(catalogue.installedVersion()).contains(1);
        assertThat(tablesOf("cat_under_test")).doesNotContain("log_batch", "schema_history");

        List<CatalogueMigration> applied = catalogue.upgrade();

        assertThat(applied).extracting(CatalogueMigration::version).containsExactlyElementsOf(laterVersions());
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM cat_under_test.catalogue_version ORDER BY applied_at")) {
            List<Integer> order = new ArrayList<>();
            while (rs.next()) {
                order.add(rs.getInt(1));
            }
            assertThat(order).containsExactlyElementsOf(allVersions());
        }
        assertThat(tablesOf("cat_under_test")).contains("log_batch", "change_log", "schema_history", "replay_error");
    }

    @Test
    void refusesACatalogueOfAnOlderVersionNamingBothVersionsAndTheFix() {
        catalogue.migrateTo(1);

        assertThatThrownBy(() -> catalogue.requireCurrent())
                .isInstanceOf(StateException.class)
                .hasMessage("replica catalogue cat_under_test is at version 1 but this chameleon needs version "
                        + CatalogueMigrations.latestVersion()
                        + "; run 'chameleon upgrade_replica_schema --config test'");
    }

    @Test
    void refusesACatalogueOfANewerVersion() throws SQLException {
        catalogue.create();
        database.execute("INSERT INTO cat_under_test.catalogue_version (version, description) VALUES (99, 'future')");

        assertThatThrownBy(() -> catalogue.requireCurrent())
                .isInstanceOf(StateException.class)
                .hasMessageContaining("is at version 99, newer than version " + CatalogueMigrations.latestVersion());
        assertThatThrownBy(() -> catalogue.upgrade()).hasMessageContaining("version 99");
    }

    @Test
    void saysHowToCreateAMissingCatalogue() {
        assertThatThrownBy(() -> catalogue.requireCurrent())
                .isInstanceOf(StateException.class)
                .hasMessage("replica catalogue cat_under_test does not exist in the target database; "
                        + "run 'chameleon create_replica_schema --config test' first");
    }

    @Test
    void dropLeavesReplicatedSchemasUntouched() throws SQLException {
        catalogue.create();
        database.execute("CREATE SCHEMA IF NOT EXISTS sales",
                "CREATE TABLE IF NOT EXISTS sales.orders (id int PRIMARY KEY, item text)",
                "TRUNCATE sales.orders",
                "INSERT INTO sales.orders VALUES (1, 'tea'), (2, 'milk')");

        assertThat(catalogue.drop()).isTrue();

        assertThat(catalogue.installedVersion()).isEmpty();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(id || ':' || item, ',' ORDER BY id) FROM sales.orders")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1:tea,2:milk");
        }
        assertThat(catalogue.drop()).isFalse();
    }

    private static List<Integer> allVersions() {
        return CatalogueMigrations.ALL.stream().map(CatalogueMigration::version).toList();
    }

    private static List<Integer> laterVersions() {
        return allVersions().stream().filter(v -> v > 1).toList();
    }

    private List<String> versionRows() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT version || ' ' || applied_at FROM cat_under_test.catalogue_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private List<String> tablesOf(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var ps = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY 1")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }
}
