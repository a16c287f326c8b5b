package io.chameleon.ddl;

import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceTable;
import io.chameleon.schema.SchemaChangeDdl;
import io.chameleon.schema.TableMapper;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The PostgreSQL statements for each kind of {@link TableChange}, through the type map of {@code schema}: the
 * last step of {@link DdlTranslator}, whose result the reader logs and the DDL corpus test checks.
 */
public final class SchemaChangeStatements {

    private final TableMapper mapper;

    public SchemaChangeStatements(TableMapper mapper) {
        this.mapper = mapper;
    }

    /** A table created on the source, mapped into {@code destination}. */
    public List<String> created(SourceTable table, String destination) {
        return SchemaChangeDdl.create(mapper.map(table, destination));
    }

    /** A known table dropped on the source. */
    public List<String> dropped(SourceTable known, String destination) {
        return SchemaChangeDdl.drop(mapper.map(known, destination));
    }

    /** A known table renamed (maybe into another database) to {@code moved}, see {@link #moved}. */
    public List<String> renamed(SourceTable known, String destination, SourceTable moved, String newDestination) {
        return SchemaChangeDdl.rename(mapper.map(known, destination), mapper.map(moved, newDestination));
    }

    /** A known table altered into {@code after}; {@code renamedColumns} old to new names. */
    public List<String> altered(SourceTable known, String destination, SourceTable after,
                                Map<String, String> renamedColumns) {
        return SchemaChangeDdl.alter(mapper.map(known, destination), mapper.map(after, destination), renamedColumns);
    }

    /** The structure of {@code table} under its new name: a rename changes nothing else. */
    public static SourceTable moved(SourceTable table, TableName to) {
        return new SourceTable(to.database(), to.table(), table.engine(), table.transactional(), table.columns(),
                table.indexes(), table.estimatedRows(), table.dataLength());
    }

    /**
     * What {@link SchemaEvolution} needs to know of the source, from the known tables and the database defaults.
     * The table defaults are not in the model: the first text column's, which is the table default unless
     * declared otherwise.
     */
    static SchemaEvolution.Structures structures(Function<TableName, Optional<SourceTable>> find,
                                                 Function<String, String[]> databaseDefaults) {
        return new SchemaEvolution.Structures() {
            @Override
            public Optional<SourceTable> find(TableName table) {
                return find.apply(table);
            }

            @Override
            public String[] databaseDefaults(String database) {
                return databaseDefaults.apply(database);
            }

            @Override
            public String[] tableDefaults(TableName table) {
                return find(table).flatMap(structure -> structure.columns().stream()
                                .filter(column -> column.collation() != null && column.type() != MySqlType.JSON)
                                .findFirst())
                        .map(column -> new String[] {column.charset(), column.collation()})
                        .orElseGet(() -> databaseDefaults(table.database()));
            }
        };
    }
}
