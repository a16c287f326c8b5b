package io.chameleon.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One database on a test server, usually owned by one test class. */
public interface TestDatabase {

    String name();

    DatabaseServer server();

    default String jdbcUrl() {
        return server().jdbcUrl(name());
    }

    default Connection connect() throws SQLException {
        return server().connect(name());
    }

    default void execute(String... sql) {
        server().execute(name(), sql);
    }

    default List<List<Object>> queryForList(String sql) {
        return server().queryForList(name(), sql);
    }
}
