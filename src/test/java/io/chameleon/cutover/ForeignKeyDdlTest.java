package io.chameleon.cutover;

import io.chameleon.mysql.ForeignKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The statements that carry a MySQL foreign key over to PostgreSQL. */
class ForeignKeyDdlTest {

    private final ForeignKey composite = new ForeignKey("shop_db", "order_line", "line_order_fk",
            List.of("order_id", "Shop"), "shop_db", "orders", List.of("id", "shop"), "cascade", "SET NULL");

    @Test
    void addsNotValidWithItsRulesInTheMappedSchemas() {
        assertThat(ForeignKeyDdl.addNotValid(composite, "shop", "shop"))
                .isEqualTo("ALTER TABLE \"shop\".\"order_line\" ADD "
                + "CONSTRAINT \"line_order_fk\" FOREIGN KEY (\"order_id\", \"Shop\") REFERENCES \"shop\".\"orders\" "
                + "(\"id\", \"shop\") ON UPDATE CASCADE ON DELETE SET NULL NOT VALID");
    }

    @Test
    void noActionIsLeftToPostgresqlsDefaultAndRestrictIsKept() {
        ForeignKey key = new ForeignKey("a", "child", "fk", List.of("p"), "b", "parent", List.of("id"), "NO ACTION",
                "RESTRICT");

        assertThat(ForeignKeyDdl.addNotValid(key, "x", "y"))
                .isEqualTo("ALTER TABLE \"x\".\"child\" ADD CONSTRAINT \"fk\" FOREIGN "
                + "KEY (\"p\") REFERENCES \"y\".\"parent\" (\"id\") ON DELETE RESTRICT NOT VALID");
    }

    @Test
    void validatesByName() {
        assertThat(ForeignKeyDdl.validate(composite, "shop"))
                .isEqualTo("ALTER TABLE \"shop\".\"order_line\" VALIDATE CONSTRAINT "
                + "\"line_order_fk\"");
    }

    @Test
    void countsOnlyRowsWithAWholeKeyAndNoParent() {
        assertThat(ForeignKeyDdl.countViolations(composite, "shop", "shop"))
                .isEqualTo("SELECT count(*) FROM \"shop\".\"order_line\""
                + " c WHERE c.\"order_id\" IS NOT NULL AND c.\"Shop\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                + "\"shop\".\"orders\" p WHERE p.\"id\" = c.\"order_id\" AND p.\"shop\" = c.\"Shop\")");
    }

    @Test
    void namesWithQuotesAreQuoted() {
        ForeignKey odd = new ForeignKey("a", "we\"ird", "f\"k", List.of("c"), "a", "p", List.of("id"), null, null);

        assertThat(ForeignKeyDdl.addNotValid(odd, "s", "s")).contains("\"s\".\"we\"\"ird\"", "\"f\"\"k\"");
        assertThat(odd.label()).isEqualTo("a.we\"ird.f\"k");
    }

    @Test
    void anUnknownRuleIsRefused() {
        assertThatThrownBy(() -> new ForeignKey("a", "t", "fk", List.of("c"), "a", "p", List.of("id"), "EXPLODE",
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXPLODE");
    }
}
