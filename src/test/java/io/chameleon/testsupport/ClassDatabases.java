package io.chameleon.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The databases of one test class, under one shared name: created before the class (or earlier, when a
 * per-class test instance needs them in its constructor) and dropped when JUnit closes the class's extension store.
 */
final class ClassDatabases implements AutoCloseable {

    private final String name;
    private MariaDbDatabase mariadb;
    private PostgresDatabase postgres;

    ClassDatabases(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    synchronized MariaDbDatabase mariadb() {
        if (mariadb == null) {
            mariadb = TestServers.mariadb().createDatabase(name);
        }
        return mariadb;
    }

    synchronized PostgresDatabase postgres() {
        if (postgres == null) {
            postgres = TestServers.postgres().createDatabase(name);
        }
        return postgres;
    }

    /** Drops whatever was created; both drops are attempted even if the first fails. */
    @Override
    public synchronized void close() {
        List<TestDatabase> created = new ArrayList<>();
        if (mariadb != null) {
            created.add(mariadb);
        }
        if (postgres != null) {
            created.add(postgres);
        }
        if (TestEnvironment.keep()) {
            created.forEach(db -> System.err.println("[chameleon-test] keeping database " + db.name() + " on "
                    + db.server() + " (" + db.jdbcUrl() + ")"));
            return;
        }
        ServerException failure = null;
        for (TestDatabase db : created) {
            try {
                db.server().dropDatabase(db.name());
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new ServerException("Could not drop test database " + db.name() + " on " + db.server(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
