package io.chameleon.copy;

import io.chameleon.mysql.SourceCharset;
import io.chameleon.schema.BytesCodec;
import io.chameleon.schema.DateTimeCodec;
import io.chameleon.schema.EnumCodec;
import io.chameleon.schema.ExactNumberCodec;
import io.chameleon.schema.JsonCodec;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgEnumType;
import io.chameleon.schema.PgTable;
import io.chameleon.schema.SetCodec;
import io.chameleon.schema.TextCodec;
import io.chameleon.schema.ValueCodec;
import io.chameleon.testsupport.PostgresDatabase;
import io.chameleon.testsupport.RealServers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which COPY format a table gets: binary only when every column has a binary form and chameleon made the table. */
@RealServers
class CopyRowsTest {

    private static final SourceCharset UTF8 = SourceCharset.of("utf8mb4");

    private final PostgresDatabase target;

    CopyRowsTest(PostgresDatabase target) {
        this.target = target;
    }

    @Test
    void mixedTableOfBinaryCapableTypesIsCopiedInBinary() throws SQLException {
        assertThat(format(true, column("id", "integer", new ExactNumberCodec("id")),
                column("name", "varchar(20)", new TextCodec("name", UTF8)),
                column("price", "numeric(14,4)", new ExactNumberCodec("price")),
                column("at", "timestamp(6)", new DateTimeCodec("at", false)),
                column("doc", "jsonb", new JsonCodec("doc", UTF8)),
                column("blob", "bytea", new BytesCodec("blob")),
                new PgColumn("state", "\"enum_t_state\"", new PgEnumType("enum_t_state", List.of("a", "b")), false,
                        null, false, new EnumCodec("state", UTF8, List.of("a", "b")), List.of()))).isTrue();
    }

    @Test
    void oneColumnWithoutABinaryFormMakesTheTableText() throws SQLException {
        assertThat(format(true, column("id", "integer", new ExactNumberCodec("id")),
                column("tags", "text[]", new SetCodec("tags", UTF8, List.of("x", "y"))))).isFalse();
    }

    @Test
    void tablesChameleonDidNotCreateAreText() throws SQLException {
        assertThat(format(false, column("id", "integer", new ExactNumberCodec("id")))).isFalse();
    }

    @Test
    void blobOverriddenToAnotherTypeIsText() throws SQLException {
        // type_override gives the blob's hex text to PostgreSQL to cast: its bytes are not that type's binary form
        assertThat(format(true, column("id", "integer", new ExactNumberCodec("id")),
                column("blob", "text", new BytesCodec("blob")))).isFalse();
    }

    private static PgColumn column(String name, String type, ValueCodec codec) {
        return new PgColumn(name, type, null, false, null, false, codec, List.of());
    }

    private boolean format(boolean binaryAllowed, PgColumn... columns) throws SQLException {
        List<String> definitions = new ArrayList<>();
        for (PgColumn column : columns) {
            definitions.add(column.name() + " " + (column.enumType() != null ? "text" : column.type()));
        }
        target.execute("DROP TABLE IF EXISTS public.t", "CREATE TABLE public.t (" + String.join(", ", definitions)
                + ")");
        PgTable table = new PgTable("public", "t", List.of(columns), List.of(), List.of(), List.of(), List.of());
        try (Connection pg = target.connect()) {
            CopyRows rows = CopyRows.open(pg, "public", table, 0, binaryAllowed);
            boolean binary = rows.binary();
            rows.cancel();
            return binary;
        }
    }
}
