package io.chameleon.replay;

import io.chameleon.testsupport.PostgresDatabase;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Query results as "a|b|c" lines, for readable assertions on target and catalogue rows. */
final class ReplayAssertions {

    private ReplayAssertions() {
    }

    static List<String> rows(PostgresDatabase database, String sql) {
        return database.queryForList(sql).stream()
                .map(row -> row.stream().map(v -> Objects.toString(v)).collect(Collectors.joining("|")))
                .toList();
    }

    static long count(PostgresDatabase database, String sql) {
        return ((Number) database.queryForList(sql).get(0).get(0)).longValue();
    }
}
