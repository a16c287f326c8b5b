package io.chameleon.ddl;

import io.chameleon.mysql.SourceTable;

import java.util.List;
import java.util.Optional;

public final class SchemaEvolution {
    public interface Structures {
        Optional<SourceTable> find(TableName table);
        String[] databaseDefaults(String database);
    }
    public List<TableChange> apply(String defaultDatabase, String sql, Structures known) throws UntranslatableDdl {
        throw new UntranslatableDdl("stub");
    }
}
