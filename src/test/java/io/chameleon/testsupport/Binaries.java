package io.chameleon.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds server executables on this machine: PATH, the sbin dirs (mariadbd lives there), the highest
 * {@code /usr/lib/postgresql/<version>/bin} (Debian keeps initdb/postgres off PATH) and {@code pg_config --bindir}.
 */
final class Binaries {

    private Binaries() {
    }

    /** The first of {@code names} found in any search dir; names are alternatives (e.g. mariadbd, mysqld). */
    static Optional<Path> find(String... names) {
        for (Path dir : searchDirs()) {
            for (String name : names) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** A PostgreSQL bin dir that holds initdb, postgres and pg_ctl together, so all three match in version. */
    static Optional<Path> postgresBinDir() {
        return postgresDirCandidates().stream()
                .filter(dir -> Stream.of("initdb", "postgres", "pg_ctl").allMatch(n -> Files.isExecutable(dir.resolve(n))))
                .findFirst();
    }

    private static List<Path> searchDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(Path.of("/usr/sbin"));
        dirs.add(Path.of("/usr/local/sbin"));
        dirs.add(Path.of("/usr/local/bin"));
        dirs.add(Path.of("/usr/bin"));
        return new ArrayList<>(dirs);
    }

    private static List<Path> postgresDirCandidates() {
        Set<Path> dirs = new LinkedHashSet<>(searchDirs());
        highestVersionDir(Path.of("/usr/lib/postgresql")).ifPresent(dir -> dirs.add(dir.resolve("bin")));
        pgConfigBinDir().ifPresent(dirs::add);
        return new ArrayList<>(dirs);
    }

    private static Optional<Path> highestVersionDir(Path parent) {
        if (!Files.isDirectory(parent)) {
            return Optional.empty();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .max(Comparator.comparingDouble(p -> Double.parseDouble(p.getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> pgConfigBinDir() {
        Optional<Path> pgConfig = find("pg_config");
        if (pgConfig.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(pgConfig.get().toString(), "--bindir").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(Path.of(out));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
