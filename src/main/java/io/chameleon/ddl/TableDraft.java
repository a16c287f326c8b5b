package io.chameleon.ddl;

import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.IndexKind;
import io.chameleon.mysql.MySqlType;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.mysql.SourceIndex;
import io.chameleon.mysql.SourceTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table being changed by one statement: the operations mirror how MariaDB edits a table's columns and keys,
 * each seeing the result of the previous one. Column and index names compare case-insensitively, as in MySQL.
 */
final class TableDraft {

    private static final Set<String> TRANSACTIONAL_ENGINES = Set.of("innodb", "xtradb", "rocksdb", "tokudb",
            "ndbcluster", "ndb", "sequence");

    private static final Map<String, String> ENGINE_NAMES = Map.ofEntries(Map.entry("innodb", "InnoDB"),
            Map.entry("myisam", "MyISAM"), Map.entry("aria", "Aria"), Map.entry("memory", "MEMORY"),
            Map.entry("heap", "MEMORY"), Map.entry("csv", "CSV"), Map.entry("archive", "ARCHIVE"),
            Map.entry("blackhole", "BLACKHOLE"), Map.entry("mrg_myisam", "MRG_MyISAM"),
            Map.entry("merge", "MRG_MyISAM"), Map.entry("sequence", "SEQUENCE"), Map.entry("rocksdb", "ROCKSDB"));

    final String label;
    TableName name;
    private String engine;
    private boolean transactional;
    private final long estimatedRows;
    private final long dataLength;
    private final List<SourceColumn> columns;
    private final List<SourceIndex> indexes;
    /** Indexes MariaDB made for a foreign key in this statement: a later index covering them replaces them. */
    private final Set<String> generated = new HashSet<>();
    final Map<String, String> renamedColumns = new LinkedHashMap<>();
    /** Character set and collation of columns added without one: the table default. */
    String[] charset;
    /** Columns the statement declares INVISIBLE (lower case), which {@link MariaDbSpellings} took out of the text. */
    Set<String> invisibleColumns = Set.of();
    /** The statement's IF [NOT] EXISTS on keys: an index added or dropped only when its condition holds. */
    ExistenceConditions conditions = ExistenceConditions.none();

    TableDraft(TableName name, String engine, String[] charset) {
        this.name = name;
        this.label = name.toString();
        this.charset = charset;
        this.columns = new ArrayList<>();
        this.indexes = new ArrayList<>();
        this.estimatedRows = 0;
        this.dataLength = 0;
        engine(engine);
    }

    TableDraft(SourceTable table, String[] charset) {
        this.name = new TableName(table.schema(), table.name());
        this.label = name.toString();
        this.charset = charset;
        this.columns = new ArrayList<>(table.columns());
        this.indexes = new ArrayList<>(table.indexes());
        this.engine = table.engine();
        this.transactional = table.transactional();
        this.estimatedRows = table.estimatedRows();
        this.dataLength = table.dataLength();
    }

    /** ENGINE=…: MariaDB reports its own spelling; transactional engines can be read in a consistent snapshot. */
    void engine(String written) {
        String unquoted = Charsets.unquote(written);
        this.engine = ENGINE_NAMES.getOrDefault(unquoted.toLowerCase(Locale.ROOT), unquoted);
        this.transactional = TRANSACTIONAL_ENGINES.contains(unquoted.toLowerCase(Locale.ROOT));
    }

    SourceTable build() {
        List<SourceColumn> numbered = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn c = columns.get(i);
            numbered.add(new SourceColumn(c.name(), i + 1, c.dataType(), c.columnType(), c.nullable(),
                    c.defaultValue(), c.extra(), c.charset(), c.collation(), c.maxLength(), c.numericPrecision(),
                    c.numericScale(), c.datetimePrecision()));
        }
        List<SourceIndex> ordered = new ArrayList<>(indexes);
        // TableDiscovery's order: PRIMARY, then unique, then the rest, by name in the catalogue's case-blind order
        ordered.sort(Comparator.comparingInt((SourceIndex i) -> i.kind() == IndexKind.PRIMARY ? 0
                        : i.kind() == IndexKind.UNIQUE ? 1 : 2)
                .thenComparing(i -> i.name().toUpperCase(Locale.ROOT)));
        return new SourceTable(name.database(), name.table(), engine, transactional, numbered, ordered,
                estimatedRows, dataLength);
    }

    // ---------------------------------------------------------------- columns

    List<SourceColumn> columns() {
        return columns;
    }

    SourceColumn column(String column) throws UntranslatableDdl {
        return columns.get(columnIndex(column));
    }

    boolean hasColumn(String column) {
        return columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(column));
    }

    boolean hasIndex(String name) {
        return findIndex(name) >= 0;
    }

    private int columnIndex(String column) throws UntranslatableDdl {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new UntranslatableDdl(label + " has no column " + column);
    }

    void addColumn(SourceColumn column, boolean first, String after) throws UntranslatableDdl {
        if (hasColumn(column.name())) {
            throw new UntranslatableDdl(label + " already has a column " + column.name());
        }
        columns.add(insertionPoint(first, after), column);
    }

    private int insertionPoint(boolean first, String after) throws UntranslatableDdl {
        return first ? 0 : after == null ? columns.size() : columnIndex(after) + 1;
    }

    /** DROP COLUMN: MariaDB also takes the column out of every index, dropping an index left without columns. */
    void dropColumn(String column) throws UntranslatableDdl {
        String name = column(column).name();
        columns.remove(columnIndex(name));
        List<SourceIndex> kept = new ArrayList<>();
        for (SourceIndex index : indexes) {
            List<String> remaining = index.columns().stream().filter(c -> !c.equalsIgnoreCase(name)).toList();
            if (!remaining.isEmpty()) {
                kept.add(new SourceIndex(index.name(), index.kind(), remaining, index.hasPrefixParts()));
            }
        }
        indexes.clear();
        indexes.addAll(kept);
    }

    /** CHANGE / MODIFY: the definition replaces the old one in place, or moves with FIRST / AFTER. */
    void replaceColumn(String old, SourceColumn replacement, boolean first, String after) throws UntranslatableDdl {
        int at = columnIndex(old);
        String oldName = columns.get(at).name();
        if (!oldName.equalsIgnoreCase(replacement.name()) && hasColumn(replacement.name())) {
            throw new UntranslatableDdl(label + " already has a column " + replacement.name());
        }
        if (inPrimaryKey(oldName) && replacement.nullable()) {
            replacement = notNull(replacement);
        }
        if (first || after != null) {
            columns.remove(at);
            columns.add(insertionPoint(first, after), replacement);
        } else {
            columns.set(at, replacement);
        }
        renameInIndexes(oldName, replacement.name());
        if (!oldName.equals(replacement.name())) {
            renamedColumns.put(oldName, replacement.name());
        }
    }

    void renameColumn(String old, String to) throws UntranslatableDdl {
        SourceColumn c = column(old);
        replaceColumn(old, new SourceColumn(to, c.position(), c.dataType(), c.columnType(), c.nullable(),
                c.defaultValue(), c.extra(), c.charset(), c.collation(), c.maxLength(), c.numericPrecision(),
                c.numericScale(), c.datetimePrecision()), false, null);
    }

    void setDefault(String column, ColumnDefault value) throws UntranslatableDdl {
        int at = columnIndex(column);
        SourceColumn c = columns.get(at);
        columns.set(at, new SourceColumn(c.name(), c.position(), c.dataType(), c.columnType(), c.nullable(),
                value, c.extra(), c.charset(), c.collation(), c.maxLength(), c.numericPrecision(),
                c.numericScale(), c.datetimePrecision()));
    }

    void replace(int at, SourceColumn column) {
        columns.set(at, column);
    }

    boolean inPrimaryKey(String column) {
        return indexes.stream().anyMatch(i -> i.kind() == IndexKind.PRIMARY
                && i.columns().stream().anyMatch(c -> c.equalsIgnoreCase(column)));
    }

    private static SourceColumn notNull(SourceColumn c) {
        ColumnDefault value = c.defaultValue() instanceof ColumnDefault.Null ? new ColumnDefault.None()
                : c.defaultValue();
        return new SourceColumn(c.name(), c.position(), c.dataType(), c.columnType(), false, value, c.extra(),
                c.charset(), c.collation(), c.maxLength(), c.numericPrecision(), c.numericScale(),
                c.datetimePrecision());
    }

    private void renameInIndexes(String old, String to) {
        indexes.replaceAll(index -> new SourceIndex(index.name(), index.kind(), index.columns().stream()
                .map(c -> c.equalsIgnoreCase(old) ? to : c).toList(), index.hasPrefixParts()));
    }

    // ---------------------------------------------------------------- indexes

    /** Adds a declared index, naming it as MariaDB does when it has no name: its first column, then _2, _3… */
    void addIndex(IndexDefinitions.Declared declared) throws UntranslatableDdl {
        if (conditions.skipsAddedKey(declared.name(), this)) {
            return;
        }
        List<String> names = new ArrayList<>();
        boolean prefix = false;
        for (IndexDefinitions.Part part : declared.parts()) {
            SourceColumn column = column(part.column());
            names.add(column.name());
            prefix |= isPrefix(column, part.prefixLength());
        }
        String name = declared.name() != null ? declared.name() : freeName(names.get(0));
        if (declared.kind() == IndexKind.PRIMARY && indexes.stream().anyMatch(i -> i.kind() == IndexKind.PRIMARY)) {
            throw new UntranslatableDdl(label + " already has a primary key");
        }
        if (findIndex(name) >= 0) {
            throw new UntranslatableDdl(label + " already has an index " + name);
        }
        if (declared.kind() == IndexKind.PRIMARY) {
            // MariaDB makes primary key columns NOT NULL silently
            for (String column : names) {
                int at = columnIndex(column);
                columns.set(at, notNull(columns.get(at)));
            }
        }
        // MariaDB reports a SPATIAL index's part as a prefix (SUB_PART 32)
        indexes.add(new SourceIndex(name, declared.kind(), names, prefix || declared.kind() == IndexKind.SPATIAL));
        dropCoveredGeneratedIndexes();
    }

    /**
     * FOREIGN KEY: MariaDB needs an index starting with the key's columns and creates one (named after the
     * constraint, else the index name given, else the first column) unless such an index exists.
     */
    void addForeignKey(String constraintName, String indexName, List<String> columnNames) throws UntranslatableDdl {
        List<String> names = new ArrayList<>();
        for (String column : columnNames) {
            names.add(column(column).name());
        }
        if (indexes.stream().anyMatch(index -> covers(index, names))) {
            return;
        }
        String name = constraintName != null ? constraintName : indexName != null ? indexName
                : freeName(names.get(0));
        if (findIndex(name) >= 0) {
            throw new UntranslatableDdl(label + " already has an index " + name);
        }
        indexes.add(new SourceIndex(name, IndexKind.PLAIN, names, false));
        generated.add(name.toLowerCase(Locale.ROOT));
    }

    private static boolean covers(SourceIndex index, List<String> columns) {
        if (index.hasPrefixParts() || index.kind() == IndexKind.FULLTEXT || index.kind() == IndexKind.SPATIAL
                || index.columns().size() < columns.size()) {
            return false;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!index.columns().get(i).equalsIgnoreCase(columns.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void dropCoveredGeneratedIndexes() {
        indexes.removeIf(candidate -> generated.contains(candidate.name().toLowerCase(Locale.ROOT))
                && indexes.stream().anyMatch(other -> other != candidate
                && !generated.contains(other.name().toLowerCase(Locale.ROOT))
                && covers(other, candidate.columns())));
    }

    /** A key part shorter than the column is a prefix; MariaDB ignores a "prefix" as long as the column. */
    private static boolean isPrefix(SourceColumn column, Integer length) {
        if (length == null) {
            return false;
        }
        boolean fixedOrVar = switch (column.type()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> true;
            default -> false;
        };
        return !(fixedOrVar && column.maxLength() != null && length >= column.maxLength());
    }

    private String freeName(String column) {
        if (findIndex(column) < 0 && !column.equalsIgnoreCase("PRIMARY")) {
            return column;
        }
        for (int suffix = 2; ; suffix++) {
            String candidate = column + "_" + suffix;
            if (findIndex(candidate) < 0) {
                return candidate;
            }
        }
    }

    private int findIndex(String name) {
        for (int i = 0; i < indexes.size(); i++) {
            if (indexes.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    void dropIndex(String name) throws UntranslatableDdl {
        if (conditions.skipsExistingKey(name, this)) {
            return;
        }
        int at = findIndex(name);
        if (at < 0) {
            throw new UntranslatableDdl(label + " has no index " + name);
        }
        indexes.remove(at);
    }

    void renameIndex(String from, String to) throws UntranslatableDdl {
        int at = findIndex(from);
        if (at < 0) {
            throw new UntranslatableDdl(label + " has no index " + from);
        }
        SourceIndex index = indexes.get(at);
        indexes.set(at, new SourceIndex(to, index.kind(), index.columns(), index.hasPrefixParts()));
    }

    // ---------------------------------------------------------------- character sets

    /**
     * CONVERT TO CHARACTER SET: every character column takes the charset; a TEXT type grows to the next size when
     * its characters no longer fit in bytes (latin1 TEXT becomes utf8mb4 MEDIUMTEXT), as MariaDB does.
     */
    void convertTo(String charsetName, String collationName) {
        for (int i = 0; i < columns.size(); i++) {
            SourceColumn c = columns.get(i);
            if (c.charset() == null) {
                continue;
            }
            String dataType = c.dataType();
            String columnType = c.columnType();
            Long maxLength = c.maxLength();
            if (columnType.endsWith("text")) {
                int oldBytes = Charsets.maxBytes(c.charset());
                int newBytes = Charsets.maxBytes(charsetName);
                if (newBytes > oldBytes) {
                    long bytes = c.maxLength() / oldBytes * newBytes;
                    int size = ColumnDefinitions.lobFor(bytes);
                    columnType = ColumnDefinitions.lobName(size, "text");
                    maxLength = ColumnDefinitions.lobLength(size);
                    dataType = dataType.equals("json") ? dataType : columnType;
                }
            }
            columns.set(i, new SourceColumn(c.name(), c.position(), dataType, columnType, c.nullable(),
                    c.defaultValue(), c.extra(), charsetName, collationName, maxLength, c.numericPrecision(),
                    c.numericScale(), c.datetimePrecision()));
        }
        charset = new String[]{charsetName, collationName};
    }
}
