package io.chameleon.capture;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.schema.PgColumn;
import io.chameleon.schema.PgTable;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One replay statement setting re-read values of some columns on rows that exist in the target, by key:
 * {@code UPDATE t SET c = v.c FROM json_populate_recordset(NULL::t, '[...]') v WHERE t.key = v.key}. An UPDATE
 * never creates a row, so a key the target does not have (inserted or deleted later in the stream) is passed over.
 * The rows travel as JSON so that PostgreSQL converts each text with the target column's own input function
 * (enums, varchar limits, bytea hex) without this side naming any type; json and jsonb columns take the document
 * itself.
 */
final class GeneratedValuesUpdate {

    private static final JsonFactory JSON = new JsonFactory();

    private final PgTable target;
    private final List<PgColumn> keys;
    private final List<PgColumn> filled;
    private final StringWriter text = new StringWriter();
    private JsonGenerator rows;
    private int count;

    /** @param keys the replica key's columns; @param filled the columns to set */
    GeneratedValuesUpdate(PgTable target, List<PgColumn> keys, List<PgColumn> filled) {
        this.target = target;
        this.keys = keys;
        this.filled = filled;
        start();
    }

    /** Adds a row: the key's texts then the filled columns' texts, in PostgreSQL input form (null for NULL). */
    void add(String[] keyTexts, String[] filledTexts) {
        try {
            rows.writeStartObject();
            for (int i = 0; i < keys.size(); i++) {
                field(keys.get(i), keyTexts[i]);
            }
            for (int i = 0; i < filled.size(); i++) {
                field(filled.get(i), filledTexts[i]);
            }
            rows.writeEndObject();
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        count++;
    }

    int rowCount() {
        return count;
    }

    /** Characters of row data gathered so far, to bound one statement's size. */
    int size() {
        return text.getBuffer().length();
    }

    /** The statement for the rows added since the last call, which starts a new one. */
    String take() {
        try {
            rows.writeEndArray();
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String table = PgIdentifiers.qualified(target.schema(), target.name());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" AS t SET ");
        for (int i = 0; i < filled.size(); i++) {
            String column = PgIdentifiers.quote(filled.get(i).name());
            sql.append(i == 0 ? "" : ", ").append(column).append(" = v.").append(column);
        }
        sql.append(" FROM json_populate_recordset(NULL::").append(table).append(", ")
                .append(PgIdentifiers.literal(text.toString())).append(") AS v");
        for (int i = 0; i < keys.size(); i++) {
            String column = PgIdentifiers.quote(keys.get(i).name());
            sql.append(i == 0 ? " WHERE " : " AND ").append("t.").append(column).append(" = v.").append(column);
        }
        start();
        return sql.toString();
    }

    private void field(PgColumn column, String value) throws IOException {
        rows.writeFieldName(column.name());
        if (value == null) {
            rows.writeNull();
        } else if (column.type().equals("jsonb") || column.type().equals("json")) {
            rows.writeRawValue(value);
        } else {
            rows.writeString(value);
        }
    }

    private void start() {
        text.getBuffer().setLength(0);
        count = 0;
        try {
            rows = JSON.createGenerator(text);
            rows.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
