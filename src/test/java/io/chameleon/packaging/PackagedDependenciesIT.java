package io.chameleon.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every class the packaged application can reach from its own code is in the package, except the optional
 * dependencies listed below with the reason they are never loaded. A library's undeclared optional dependency on a
 * path we use (druid's parser needs commons-lang3 for a select item with an alias) fails here, not in a replica
 * that meets {@code CREATE VIEW v AS SELECT id i FROM t} months later, and not in the native build.
 *
 * <p>Reachability is jdeps' class-level dependency graph followed from {@code io.chameleon}: an over-estimate
 * (a referenced class is counted whether or not the path to it runs), which is why the allowance exists.
 */
class PackagedDependenciesIT {

    private static final Path APP = Path.of("target", "quarkus-app");

    /** Missing packages that are reachable in the graph but never loaded, by package prefix, with the reason. */
    private static final Map<String, String> NEVER_LOADED = Map.ofEntries(
            Map.entry("com.google.protobuf", "MySQL Connector/J's X DevAPI protocol (we speak the classic one)"),
            Map.entry("io.opentelemetry", "Connector/J's OpenTelemetry handler, loaded only when openTelemetry is set"),
            Map.entry("com.oracle.bmc", "Connector/J's OCI IAM authentication plugin"),
            Map.entry("oracle.", "druid's Oracle helpers (we parse MySQL only)"),
            Map.entry("ru.yandex.clickhouse", "druid's ClickHouse driver wrappers"),
            Map.entry("com.github.housepower", "druid's ClickHouse native driver wrappers"),
            Map.entry("org.apache.log4j", "jboss-logging's log4j backend (JBoss LogManager is ours)"),
            Map.entry("org.apache.logging.log4j", "jboss-logging's log4j2 backend (JBoss LogManager is ours)"),
            Map.entry("org.checkerframework", "nullness annotations of pgjdbc, not needed at run time"),
            Map.entry("org.graalvm.nativeimage", "smallrye-common asks for it only inside a native image"),
            Map.entry("org.jboss.modules", "JBoss LogManager under JBoss Modules, not a Quarkus application"),
            Map.entry("io.quarkus.launcher", "the dev-mode launcher"),
            Map.entry("org.objectweb.asm", "smallrye-config generates mapping classes at build time in Quarkus"));

    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+(.*)$");

    @Test
    void everyReachableClassIsPackagedOrKnownOptional() throws Exception {
        assertThat(APP.resolve("quarkus-run.jar")).as("packaged application (run 'package' first)").exists();
        Map<String, Set<String>> found = new HashMap<>();
        Map<String, Set<String>> missing = new HashMap<>();
        for (String line : jdeps().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.matches()) {
                (edge.group(3).contains("not found") ? missing : found)
                        .computeIfAbsent(edge.group(1), c -> new HashSet<>()).add(edge.group(2));
            }
        }
        Set<String> reachable = reachableFromOurCode(found, missing);
        assertThat(reachable).as("classes reached from io.chameleon").hasSizeGreaterThan(1000);

        Map<String, Set<String>> unexpected = new TreeMap<>();
        for (String from : reachable) {
            for (String to : missing.getOrDefault(from, Set.of())) {
                if (NEVER_LOADED.keySet().stream().noneMatch(to::startsWith)) {
                    unexpected.computeIfAbsent(to, c -> new TreeSet<>()).add(from);
                }
            }
        }
        assertThat(unexpected).as("classes our code can reach that no packaged jar has (declare the dependency,"
                + " or add the package to NEVER_LOADED with the reason it is never loaded)").isEmpty();
    }

    private static Set<String> reachableFromOurCode(Map<String, Set<String>> found, Map<String, Set<String>> missing) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String type : concat(found.keySet(), missing.keySet())) {
            if (type.startsWith("io.chameleon.") && seen.add(type)) {
                todo.add(type);
            }
        }
        while (!todo.isEmpty()) {
            for (String next : found.getOrDefault(todo.poll(), Set.of())) {
                if (seen.add(next)) {
                    todo.add(next);
                }
            }
        }
        return seen;
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** jdeps' class-level graph of the application jar and every jar it depends on. */
    private static String jdeps() throws IOException, InterruptedException {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        Path app;
        try (var jars = Files.list(APP.resolve("app"))) {
            app = jars.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Path output = Files.createTempFile("jdeps", ".txt");
        try {
            Process process = new ProcessBuilder(jdeps.toString(), "--multi-release", "17", "-verbose:class", "-R",
                    "--class-path", APP.resolve("lib/boot") + "/*:" + APP.resolve("lib/main") + "/*", app.toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("jdeps finished").isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(text.length() > 2000 ? text.substring(0, 2000) : text).isZero();
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
