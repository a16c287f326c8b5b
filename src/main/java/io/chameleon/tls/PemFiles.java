package io.chameleon.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads certificates and keys as OpenSSL writes them. The JDK parses X.509 certificates in PEM itself; private
 * keys it reads only as PKCS#8, so a PEM key must be {@code BEGIN PRIVATE KEY} (or DER PKCS#8), not the
 * traditional {@code BEGIN RSA PRIVATE KEY} / {@code BEGIN EC PRIVATE KEY}, which the error says how to convert.
 */
final class PemFiles {

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private PemFiles() {
    }

    static List<X509Certificate> certificates(Path file, String key) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate each : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) each);
            }
            if (certificates.isEmpty()) {
                throw new TlsSetupException(key + " " + file + " holds no certificate; give a PEM file with "
                        + "-----BEGIN CERTIFICATE----- blocks", null);
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException(key + " " + file + " is not a readable X.509 certificate file (PEM or DER): "
                    + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file, String key) {
        byte[] der;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN") && !text.contains(PKCS8_BEGIN)) {
                throw new TlsSetupException(key + " " + file + " is not an unencrypted PKCS#8 key (it holds "
                        + firstHeader(text) + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file
                        + " -out key.pk8.pem", null);
            }
            der = text.contains(PKCS8_BEGIN) ? Base64.getMimeDecoder().decode(text.substring(
                    text.indexOf(PKCS8_BEGIN) + PKCS8_BEGIN.length(), text.indexOf(PKCS8_END))) : bytes;
        } catch (IOException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new TlsSetupException(key + " " + file + " cannot be read as a PKCS#8 key: " + e.getMessage(), e);
        }
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "DSA")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException tryNext) {
                // the PKCS#8 header names the algorithm, but KeyFactory wants it given: try the usual ones
            }
        }
        throw new TlsSetupException(key + " " + file + " is not an RSA, EC or EdDSA key in PKCS#8; convert it with: "
                + "openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pk8.pem", null);
    }

    private static String firstHeader(String text) {
        int start = text.indexOf("-----BEGIN");
        int end = text.indexOf("-----", start + 10);
        return end < 0 ? "a PEM block" : text.substring(start, end + 5);
    }
}
