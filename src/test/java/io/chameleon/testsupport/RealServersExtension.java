package io.chameleon.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each top-level test class its own MariaDB and PostgreSQL database (nested classes share their enclosing
 * class's). They live in the class's extension store, so JUnit drops them when the class finishes, pass or fail.
 */
public final class RealServersExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealServersExtension.class);

    /** Creates both databases up front so an unavailable server fails the class before any test runs. */
    @Override
    public void beforeAll(ExtensionContext context) {
        ClassDatabases databases = databases(context);
        databases.mariadb();
        databases.postgres();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == MariaDbDatabase.class || type == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassDatabases databases = databases(context);
        return parameter.getParameter().getType() == MariaDbDatabase.class ? databases.mariadb() : databases.postgres();
    }

    /** Stored on the outermost class context: created once per class, closed (dropped) when that class ends. */
    static ClassDatabases databases(ExtensionContext context) {
        ExtensionContext owner = outermostClassContext(context);
        Class<?> testClass = owner.getRequiredTestClass();
        return owner.getStore(NAMESPACE).computeIfAbsent(ClassDatabases.class.getName(),
                key -> new ClassDatabases(DatabaseNames.forTestClass(testClass)), ClassDatabases.class);
    }

    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext owner = context;
        while (owner.getParent().isPresent() && owner.getParent().get().getTestClass().isPresent()) {
            owner = owner.getParent().get();
        }
        return owner;
    }
}
