package io.chameleon.config;

import java.nio.file.Path;

/**
 * The PEM files of one TLS connection, each {@code null} when not set.
 *
 * @param ca   certificates of the authorities trusted to sign the server's certificate (verify modes)
 * @param cert the client certificate, for servers that ask for one
 * @param key  the client certificate's private key, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY})
 */
public record TlsFiles(Path ca, Path cert, Path key) {

    public static final TlsFiles NONE = new TlsFiles(null, null, null);

    public boolean clientCertificate() {
        return cert != null;
    }
}
