package io.chameleon.config.kind;

import java.util.regex.Pattern;

/** What each item of a list of names must look like. */
public enum ListItemFormat {

    NAME("[^\\s]+", "is not a name; write one name per item", "names"),
    SCHEMA_TABLE("[^.\\s]+\\.[^.\\s]+",
            "is not schema.table; write the database and the table separated by a dot, e.g. my_db.my_table",
            "schema.table names"),
    SCHEMA_OR_TABLE("[^.\\s]+(\\.[^.\\s]+)?",
            "is not schema or schema.table; write a database name, or a database and table separated by a dot",
            "schema or schema.table names"),
    ALL_OR_SCHEMA_TABLE("\\*|[^.\\s]+\\.[^.\\s]+",
            "is not schema.table or *; write * for every table, or database and table separated by a dot",
            "schema.table names, or *");

    private final Pattern pattern;
    private final String problem;
    private final String summary;

    ListItemFormat(String regex, String problem, String summary) {
        this.pattern = Pattern.compile(regex);
        this.problem = problem;
        this.summary = summary;
    }

    boolean accepts(String item) {
        return pattern.matcher(item).matches();
    }

    String problem() {
        return problem;
    }

    String summary() {
        return summary;
    }
}
