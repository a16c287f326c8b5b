package io.chameleon.catalogue;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMappingDifferenceTest {

    @Test
    void namesEveryRenamedAddedAndRemovedDatabase() {
        SchemaMappingDifference difference = SchemaMappingDifference.between(
                Map.of("shop", "shop_pg", "old", "old_pg", "same", "same_pg"),
                Map.of("shop", "shop_v2", "new", "new_pg", "same", "same_pg"));

        assertThat(difference.isEmpty()).isFalse();
        assertThat(difference.items()).containsExactly("new -> new_pg (only in the file)",
                "old -> old_pg (only in the catalogue)", "shop: shop_pg -> shop_v2 (renamed)");
        assertThat(difference.warning("mysql", "default")).isEqualTo("source mysql: schema_mappings in the"
                + " configuration differ from the catalogue's (new -> new_pg (only in the file); old -> old_pg (only in"
                + " the catalogue); shop: shop_pg -> shop_v2 (renamed)); the catalogue's are in force until"
                + " 'chameleon update_schema_mappings --source mysql' applies the file's");
        assertThat(difference.warning("mysql", "prod")).contains("update_schema_mappings --config prod --source mysql");
    }

    @Test
    void equalMappingsInAnyOrderDoNotDiffer() {
        assertThat(SchemaMappingDifference.between(Map.of("a", "x", "b", "y"), Map.of("b", "y", "a", "x")).isEmpty())
                .isTrue();
    }
}
