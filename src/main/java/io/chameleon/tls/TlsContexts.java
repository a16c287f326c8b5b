package io.chameleon.tls;

import io.chameleon.config.TlsFiles;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Key and trust material from PEM files, as key stores and SSL contexts for the drivers. */
final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * @param verify whether the server's certificate must chain to the CA file (or, without one, to the JVM's
     *               trust store); otherwise any certificate is accepted, as in MySQL's REQUIRED and libpq's require
     */
    static SSLContext context(TlsFiles files, boolean verify, String caKey, String certKey, String keyKey) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(files, certKey, keyKey), trustManagers(files, verify, caKey), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot set up TLS from " + files + ": " + e.getMessage(), e);
        }
    }

    /** A PKCS#12 store of the CA file's certificates, as trusted entries. */
    static KeyStore trustStore(TlsFiles files, String caKey) {
        try {
            KeyStore store = emptyStore();
            List<X509Certificate> certificates = PemFiles.certificates(files.ca(), caKey);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca" + i, certificates.get(i));
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException("cannot build a trust store from " + caKey + " " + files.ca() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A PKCS#12 store holding the client certificate (and its chain) with its key, under {@code password}. */
    static KeyStore keyStore(TlsFiles files, char[] password, String certKey, String keyKey) {
        if (files.key() == null) {
            throw new TlsSetupException(certKey + " is set but " + keyKey + " is not; give the client certificate's"
                    + " private key as well", null);
        }
        List<X509Certificate> chain = PemFiles.certificates(files.cert(), certKey);
        PrivateKey key = PemFiles.privateKey(files.key(), keyKey);
        try {
            KeyStore store = emptyStore();
            store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsSetupException(keyKey + " " + files.key() + " does not fit " + certKey + " " + files.cert()
                    + ": " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(TlsFiles files, String certKey, String keyKey)
            throws GeneralSecurityException {
        if (!files.clientCertificate()) {
            return null;
        }
        char[] password = new char[0];
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keyStore(files, password, certKey, keyKey), password);
        return factory.getKeyManagers();
    }

    private static TrustManager[] trustManagers(TlsFiles files, boolean verify, String caKey)
            throws GeneralSecurityException {
        if (!verify) {
            return new TrustManager[] {new AnyCertificate()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(files.ca() == null ? null : trustStore(files, caKey)); // null: the JVM's trust store
        return factory.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    /** Encryption without authentication, which is what the non-verifying modes promise. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
