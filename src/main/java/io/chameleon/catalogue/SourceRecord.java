package io.chameleon.catalogue;

import java.util.Map;

/** A registered source with its schema mappings (MySQL database to PostgreSQL schema, in mapping order). */
public record SourceRecord(int id, String name, String type, SourceStatus status, boolean consistent,
                           Map<String, String> schemaMappings) {
}
