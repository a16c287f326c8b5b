package io.chameleon.testsupport;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;

/** A private temporary directory for one server instance: data dir, socket, logs. */
final class ScratchDir {

    private ScratchDir() {
    }

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new ServerException("Could not create a temp dir with prefix " + prefix + " in "
                    + System.getProperty("java.io.tmpdir"), e);
        }
    }

    /** Hands a directory to another OS user (PostgreSQL refuses to run as root, so its files must be postgres'). */
    static void giveTo(Path path, String osUser) {
        try {
            UserPrincipal owner = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(osUser);
            Files.setOwner(path, owner);
        } catch (IOException e) {
            throw new ServerException("Could not chown " + path + " to OS user '" + osUser + "'", e);
        }
    }

    /** Best effort: a leftover temp dir must not fail a test run, so problems are only reported. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[chameleon-test] could not remove " + dir + ": " + e);
        }
    }
}
