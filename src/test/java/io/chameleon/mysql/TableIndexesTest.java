package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** STATISTICS rows as MySQL 8 and MariaDB report them, assembled into indexes. */
class TableIndexesTest {

    @Test
    void aFunctionalIndexOfMySql8IsLeftOutAndTheOthersKept() {
        // CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, name VARCHAR(100),
        //   UNIQUE KEY by_email ((lower(email))), KEY by_name_email (name(10), (upper(email))), KEY by_name (name))
        TableIndexes indexes = new TableIndexes();
        indexes.add("PRIMARY", 0, "BTREE", "id", false);
        indexes.add("by_email", 0, "BTREE", null, false);
        indexes.add("by_name", 1, "BTREE", "name", false);
        indexes.add("by_name_email", 1, "BTREE", "name", true);
        indexes.add("by_name_email", 1, "BTREE", null, false);

        assertThat(indexes.indexes()).containsExactly(
                new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("id"), false),
                new SourceIndex("by_name", IndexKind.PLAIN, List.of("name"), false));
    }

    @Test
    void kindsPrefixesAndColumnOrderAreKept() {
        TableIndexes indexes = new TableIndexes();
        indexes.add("uq", 0, "BTREE", "b", false);
        indexes.add("uq", 0, "BTREE", "a", false);
        indexes.add("ft", 1, "FULLTEXT", "body", false);
        indexes.add("geo", 1, "SPATIAL", "shape", false);
        indexes.add("pre", 1, "BTREE", "body", true);

        assertThat(indexes.indexes()).containsExactly(
                new SourceIndex("uq", IndexKind.UNIQUE, List.of("b", "a"), false),
                new SourceIndex("ft", IndexKind.FULLTEXT, List.of("body"), false),
                new SourceIndex("geo", IndexKind.SPATIAL, List.of("shape"), false),
                new SourceIndex("pre", IndexKind.PLAIN, List.of("body"), true));
    }
}
