package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceColumnTest {

    static SourceColumn column(String name, String dataType, String columnType, boolean nullable, String extra) {
        return new SourceColumn(name, 1, dataType, columnType, nullable, new ColumnDefault.Null(), extra, null, null,
                null, null, null, null);
    }

    @Test
    void readsEnumLabelsWithDoubledQuotesAndCommas() {
        assertThat(column("e", "enum", "enum('it''s','a,b','','x\\\\y')", true, "").enumLabels())
                .containsExactly("it's", "a,b", "", "x\\y");
    }

    @Test
    void readsSetLabels() {
        assertThat(column("s", "set", "set('x','y''s','z')", true, "").setLabels()).containsExactly("x", "y's", "z");
    }

    @Test
    void refusesLabelsOfANonEnumColumn() {
        assertThatThrownBy(() -> column("n", "int", "int(11)", true, "").enumLabels())
                .hasMessageContaining("int(11)");
    }

    @Test
    void tellsUnsignedAndAutoIncrementFromTypeAndExtra() {
        SourceColumn id = column("id", "INT", "int(10) unsigned", false, "auto_increment");
        assertThat(id.dataType()).isEqualTo("int");
        assertThat(id.unsigned()).isTrue();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(column("n", "int", "int(11)", true, null).autoIncrement()).isFalse();
    }

    @Test
    void replicaKeyIsThePrimaryKeyElseTheFirstUniqueKeyOnNotNullColumns() {
        SourceColumn a = column("a", "int", "int", true, "");
        SourceColumn b = column("b", "int", "int", false, "");
        SourceIndex nullableUnique = new SourceIndex("u1", IndexKind.UNIQUE, List.of("a"), false);
        SourceIndex notNullUnique = new SourceIndex("u2", IndexKind.UNIQUE, List.of("b"), false);
        SourceIndex primary = new SourceIndex("PRIMARY", IndexKind.PRIMARY, List.of("b"), false);
        assertThat(table(List.of(a, b), List.of(primary, nullableUnique)).replicaKey()).contains(List.of("b"));
        assertThat(table(List.of(a, b), List.of(nullableUnique, notNullUnique)).replicaKey()).contains(List.of("b"));
        assertThat(table(List.of(a, b), List.of(nullableUnique)).notReplicatedReason())
                .contains("no primary key or unique key on NOT NULL columns");
    }

    private static SourceTable table(List<SourceColumn> columns, List<SourceIndex> indexes) {
        return new SourceTable("s", "t", "InnoDB", true, columns, indexes, 0, 0);
    }
}
