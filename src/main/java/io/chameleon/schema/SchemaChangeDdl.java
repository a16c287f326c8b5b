package io.chameleon.schema;

import java.util.List;
import java.util.Map;

public final class SchemaChangeDdl {
    public static List<String> create(PgTable table) { return List.of(); }
    public static List<String> drop(PgTable table) { return List.of(); }
    public static List<String> rename(PgTable from, String toSchema, String toName) { return List.of(); }
    public static List<String> alter(PgTable before, PgTable after, Map<String, String> renamedColumns) { return List.of(); }
}
