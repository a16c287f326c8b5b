package io.chameleon.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against real servers: parameters of type {@link MariaDbDatabase} and {@link PostgresDatabase}
 * (constructor, {@code @BeforeAll}, test and lifecycle methods) get databases owned by this class alone, dropped
 * after the class unless {@code chameleon.test.keep} is set.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("integration")
@ExtendWith(RealServersExtension.class)
public @interface RealServers {
}
