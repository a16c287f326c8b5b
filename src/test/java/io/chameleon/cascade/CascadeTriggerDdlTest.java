package io.chameleon.cascade;

import io.chameleon.mysql.ForeignKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The function and trigger that apply a source foreign key's actions in PostgreSQL. */
class CascadeTriggerDdlTest {

    private final ForeignKey cascade = new ForeignKey("shop_db", "order_line", "line_order_fk",
            List.of("order_id"), "shop_db", "orders", List.of("id"), "CASCADE", "CASCADE");

    @Test
    void deletesTheChildrenOnlyWhenTheReferencedValuesAreGoneAtCommit() {
        CascadeTriggerDdl ddl = new CascadeTriggerDdl(cascade, "shop", "shop", List.of("id"));

        String function = ddl.createFunction();
        assertThat(function).startsWith("CREATE OR REPLACE FUNCTION \"shop\".\"" + ddl.name() + "\"() RETURNS trigger")
                .contains("IF EXISTS (SELECT 1 FROM \"shop\".\"orders\" p WHERE p.\"id\" = OLD.\"id\") THEN")
                .contains("UPDATE \"shop\".\"order_line\" c SET \"order_id\" = chameleon_moved.\"id\" WHERE"
                        + " c.\"order_id\" = OLD.\"id\"")
                .contains("DELETE FROM \"shop\".\"order_line\" c WHERE c.\"order_id\" = OLD.\"id\"");
        assertThat(ddl.createTrigger()).isEqualTo("CREATE CONSTRAINT TRIGGER \"" + ddl.name() + "\" AFTER DELETE OR"
                + " UPDATE OF \"id\" ON \"shop\".\"orders\" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE"
                + " FUNCTION \"shop\".\"" + ddl.name() + "\"()");
    }

    @Test
    void setNullClearsEveryColumnOfTheKeyAndRestrictDoesNothing() {
        ForeignKey key = new ForeignKey("a", "child", "fk", List.of("x", "y"), "b", "parent", List.of("p", "q"),
                "RESTRICT", "SET NULL");
        String function = new CascadeTriggerDdl(key, "sa", "sb", List.of()).createFunction();

        assertThat(function).contains("UPDATE \"sa\".\"child\" c SET \"x\" = NULL, \"y\" = NULL WHERE c.\"x\" = "
                + "OLD.\"p\" AND c.\"y\" = OLD.\"q\"").doesNotContain("SELECT * INTO", "DELETE FROM");
    }

    @Test
    void namesAreDeterministicDistinctPerSourceSchemaAndFitIn63Bytes() {
        String longName = "ü".repeat(40);
        ForeignKey key = new ForeignKey("a", longName, longName, List.of("c"), "a", "p", List.of("id"), null,
                "CASCADE");
        String name = new CascadeTriggerDdl(key, "s", "s", List.of()).name();

        assertThat(name).startsWith("chameleon_fk_").matches(".*_[0-9a-f]{8}");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(new CascadeTriggerDdl(key, "s", "s", List.of()).name()).isEqualTo(name);
        ForeignKey other = new ForeignKey("b", longName, longName, List.of("c"), "a", "p", List.of("id"), null,
                "CASCADE");
        assertThat(new CascadeTriggerDdl(other, "s", "s", List.of()).name()).isNotEqualTo(name);
    }

    @Test
    void childrenLeftWithoutParentAtCommitGetTheDeleteActionUnlessTheKeyHasAnUpdateAction() {
        ForeignKey deleteOnly = new ForeignKey("a", "child", "fk", List.of("x"), "a", "parent", List.of("id"),
                "RESTRICT", "CASCADE");
        CascadeTriggerDdl ddl = new CascadeTriggerDdl(deleteOnly, "s", "s", List.of("id"));

        assertThat(ddl.catchesOrphans()).isTrue();
        assertThat(ddl.orphansName()).startsWith("chameleon_fk_orphans_child_fk_").isNotEqualTo(ddl.name());
        assertThat(ddl.createOrphansFunction()).contains("IF NEW.\"x\" IS NULL OR to_regclass('\"s\".\"parent\"')"
                        + " IS NULL THEN", "IF EXISTS (SELECT 1 FROM \"s\".\"parent\" p WHERE p.\"id\" = NEW.\"x\")",
                "DELETE FROM \"s\".\"child\" c WHERE c.\"x\" = NEW.\"x\"");
        assertThat(ddl.createOrphansTrigger()).contains("AFTER INSERT OR UPDATE OF \"x\" ON \"s\".\"child\"",
                "DEFERRABLE INITIALLY DEFERRED");
        assertThat(new CascadeTriggerDdl(cascade, "s", "s", List.of("id")).catchesOrphans()).isFalse();
    }

    @Test
    void aKeyWithoutActionIsRefused() {
        ForeignKey plain = new ForeignKey("a", "t", "fk", List.of("c"), "a", "p", List.of("id"), "RESTRICT", null);
        assertThatThrownBy(() -> new CascadeTriggerDdl(plain, "s", "s", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.t.fk");
    }
}
