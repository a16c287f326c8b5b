package io.chameleon.schema;

import io.chameleon.config.BadValuePolicy;
import io.chameleon.config.TypeOverride;
import io.chameleon.mysql.SourceFixtures;
import io.chameleon.mysql.SourceTable;
import io.chameleon.mysql.TableDiscovery;
import io.chameleon.postgres.PgIdentifiers;
import io.chameleon.testsupport.MariaDbDatabase;
import io.chameleon.testsupport.PostgresDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: the {@link SourceFixtures} tables discovered in MariaDB, mapped and created in PostgreSQL. */
final class MappedSchema {

    private MappedSchema() {
    }

    static void createSource(MariaDbDatabase source) {
        source.execute(SourceFixtures.EVERY_TYPE);
        source.execute(SourceFixtures.KEYS);
    }

    /** Maps every discovered table and runs its DDL (types, table, key, indexes) in {@code schema}. */
    static Map<String, PgTable> create(MariaDbDatabase source, PostgresDatabase target, String schema,
                                       Map<String, TypeOverride> overrides) throws SQLException {
        List<SourceTable> tables;
        try (Connection mysql = source.connect()) {
            tables = new TableDiscovery(mysql).discover(
                    SourceFixtures.source(Map.of(source.name(), schema), List.of(), List.of()));
        }
        TableMapper mapper = new TableMapper(new TypeMapper(overrides, false, BadValuePolicy.DEFAULT));
        Map<String, PgTable> mapped = new LinkedHashMap<>();
        List<String> ddl = new ArrayList<>(List.of("CREATE SCHEMA " + PgIdentifiers.quote(schema)));
        for (SourceTable table : tables) {
            PgTable pg = mapper.map(table, schema);
            mapped.put(table.name(), pg);
            ddl.addAll(TableDdl.createTypes(pg, schema));
            ddl.add(TableDdl.createTable(pg, schema, 90));
            TableDdl.primaryKey(pg, schema).ifPresent(ddl::add);
            ddl.addAll(TableDdl.indexes(pg, schema));
        }
        target.execute(ddl.toArray(String[]::new));
        return mapped;
    }
}
