package io.chameleon.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;

import java.util.ArrayList;
import java.util.List;

/**
 * The source structure of a table as {@code schema_history.structure} stores it. Written field by field through
 * the JSON tree (no reflection, so the native image needs no registration).
 */
public final class TableStructureJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableStructureJson() {
    }

    public static String write(SourceTable table) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", table.schema());
        root.put("name", table.name());
        root.put("engine", table.engine());
        root.put("transactional", table.transactional());
        ArrayNode columns = root.putArray("columns");
        for (SourceColumn column : table.columns()) {
            ObjectNode c = columns.addObject();
            c.put("name", column.name());
            c.put("position", column.position());
            c.put("dataType", column.dataType());
            c.put("columnType", column.columnType());
            c.put("nullable", column.nullable());
            writeDefault(c, column.defaultValue());
            c.put("extra", column.extra());
            c.put("charset", column.charset());
            c.put("collation", column.collation());
            c.put("maxLength", column.maxLength());
            c.put("numericPrecision", column.numericPrecision());
            c.put("numericScale", column.numericScale());
            c.put("datetimePrecision", column.datetimePrecision());
        }
        ArrayNode indexes = root.putArray("indexes");
        for (SourceIndex index : table.indexes()) {
            ObjectNode i = indexes.addObject();
            i.put("name", index.name());
            i.put("kind", index.kind().name());
            ArrayNode names = i.putArray("columns");
            index.columns().forEach(names::add);
            i.put("prefixParts", index.hasPrefixParts());
        }
        return root.toString();
    }

    public static SourceTable read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schema_history holds a structure that is not JSON: " + e.getMessage(), e);
        }
        List<SourceColumn> columns = new ArrayList<>();
        for (JsonNode c : root.path("columns")) {
            columns.add(new SourceColumn(c.path("name").asText(), c.path("position").asInt(),
                    c.path("dataType").asText(), c.path("columnType").asText(), c.path("nullable").asBoolean(),
                    readDefault(c.path("default")), text(c, "extra"), text(c, "charset"), text(c, "collation"),
                    c.path("maxLength").isNumber() ? c.path("maxLength").asLong() : null, integer(c, "numericPrecision"),
                    integer(c, "numericScale"), integer(c, "datetimePrecision")));
        }
        List<SourceIndex> indexes = new ArrayList<>();
        for (JsonNode i : root.path("indexes")) {
            List<String> names = new ArrayList<>();
            i.path("columns").forEach(n -> names.add(n.asText()));
            indexes.add(new SourceIndex(i.path("name").asText(), IndexKind.valueOf(i.path("kind").asText()), names,
                    i.path("prefixParts").asBoolean()));
        }
        return new SourceTable(root.path("schema").asText(), root.path("name").asText(), text(root, "engine"),
                root.path("transactional").asBoolean(), columns, indexes, 0, 0);
    }

    private static void writeDefault(ObjectNode column, ColumnDefault value) {
        ObjectNode d = column.putObject("default");
        if (value instanceof ColumnDefault.None) {
            d.put("kind", "none");
        } else if (value instanceof ColumnDefault.Null) {
            d.put("kind", "null");
        } else if (value instanceof ColumnDefault.Literal literal) {
            d.put("kind", "literal").put("text", literal.text());
        } else if (value instanceof ColumnDefault.Expression expression) {
            d.put("kind", "expression").put("text", expression.sql());
        }
    }

    private static ColumnDefault readDefault(JsonNode d) {
        return switch (d.path("kind").asText()) {
            case "literal" -> new ColumnDefault.Literal(d.path("text").asText());
            case "expression" -> new ColumnDefault.Expression(d.path("text").asText());
            case "null" -> new ColumnDefault.Null();
            default -> new ColumnDefault.None();
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asInt() : null;
    }
}
