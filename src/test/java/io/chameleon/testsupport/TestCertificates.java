package io.chameleon.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Certificates made with openssl at test time (never committed): a CA, a server certificate it signed for
 * 127.0.0.1 only (so that {@code localhost} is a host name mismatch), a client certificate it signed, and an
 * unrelated CA for the wrong-CA cases. Keys are unencrypted PKCS#8 PEM, as {@code openssl req -newkey} writes them.
 */
public record TestCertificates(Path dir, Path caCert, Path serverCert, Path serverKey, Path clientCert,
                               Path clientKey, Path otherCaCert) {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    /** Writes the files into {@code dir}. */
    public static TestCertificates generate(Path dir) {
        TestCertificates certs = new TestCertificates(dir, dir.resolve("ca.crt"), dir.resolve("server.crt"),
                dir.resolve("server.key"), dir.resolve("client.crt"), dir.resolve("client.key"),
                dir.resolve("other-ca.crt"));
        try {
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
            Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(dir, "ca", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=chameleon test CA");
        openssl(dir, "other-ca", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key",
                "-out", "other-ca.crt", "-days", "2", "-subj", "/CN=some other CA");
        signed(dir, "server", "127.0.0.1");
        signed(dir, "client", "chameleon");
        return certs;
    }

    private static void signed(Path dir, String name, String commonName) {
        openssl(dir, name + "-csr", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out",
                name + ".csr", "-subj", "/CN=" + commonName);
        openssl(dir, name + "-sign", "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
    }

    private static void openssl(Path dir, String step, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        // relative names: run in dir through sh so the files land there
        List<String> inDir = List.of("sh", "-c", "cd '" + dir + "' && exec \"$@\"", "openssl-in-dir");
        List<String> full = new java.util.ArrayList<>(inDir);
        full.addAll(command);
        ServerProcess.run("openssl " + step, full, dir.resolve("openssl-" + step + ".log"), STEP_TIMEOUT);
    }
}
