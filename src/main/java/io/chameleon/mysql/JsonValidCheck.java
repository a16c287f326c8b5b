package io.chameleon.mysql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the check MariaDB adds to a column declared JSON: {@code json_valid(`col`)}, nothing else. */
final class JsonValidCheck {

    private static final Pattern CLAUSE = Pattern.compile("json_valid\\(`((?:[^`]|``)+)`\\)", Pattern.CASE_INSENSITIVE);

    private JsonValidCheck() {
    }

    /** The checked column, when the clause is exactly the JSON alias check. */
    static Optional<String> column(String checkClause) {
        Matcher matcher = CLAUSE.matcher(checkClause.strip());
        return matcher.matches() ? Optional.of(matcher.group(1).replace("``", "`")) : Optional.empty();
    }
}
