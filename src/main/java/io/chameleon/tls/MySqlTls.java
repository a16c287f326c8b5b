package io.chameleon.tls;

import io.chameleon.config.MySqlConnectionConfig;
import io.chameleon.config.SslMode;
import io.chameleon.config.TlsFiles;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.network.SSLMode;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * {@code db_conn}'s TLS, for both ways the tool talks to a source: MySQL Connector/J (queries, copy) and
 * mysql-binlog-connector-java (the binlog stream). Connector/J reads key material only from key store files, so
 * the PEM files become PKCS#12 stores in owner-only temp files (random password, deleted at exit), built once
 * per process; the binlog client takes an SSL context directly.
 */
public final class MySqlTls {

    private static final Map<TlsFiles, StoreFiles> STORES = new ConcurrentHashMap<>();

    private MySqlTls() {
    }

    /** Connector/J connection properties for the TLS of {@code db}. */
    public static void applyTo(Properties props, MySqlConnectionConfig db) {
        props.setProperty("sslMode", db.sslMode().name());
        TlsFiles files = db.tls();
        if (db.sslMode() == SslMode.DISABLED || (files.ca() == null && files.cert() == null)) {
            return;
        }
        // written again when gone: a replica runs for weeks, and tmp cleaners delete old files
        StoreFiles stores = STORES.compute(files, (key, known) -> known != null && known.present() ? known
                : writeStores(key));
        if (stores.trust() != null) {
            props.setProperty("trustCertificateKeyStoreUrl", stores.trust().toUri().toString());
            props.setProperty("trustCertificateKeyStoreType", "PKCS12");
            props.setProperty("trustCertificateKeyStorePassword", stores.password());
            props.setProperty("fallbackToSystemTrustStore", "false"); // ssl_ca names the only trusted authorities
        }
        if (stores.client() != null) {
            props.setProperty("clientCertificateKeyStoreUrl", stores.client().toUri().toString());
            props.setProperty("clientCertificateKeyStoreType", "PKCS12");
            props.setProperty("clientCertificateKeyStorePassword", stores.password());
        }
    }

    /** The same TLS for the binlog client: its mode, and an SSL context when ssl_ca or a client certificate is set. */
    public static void applyTo(BinaryLogClient client, MySqlConnectionConfig db) {
        client.setSSLMode(SSLMode.valueOf(db.sslMode().name()));
        TlsFiles files = db.tls();
        if (db.sslMode() == SslMode.DISABLED || (files.ca() == null && files.cert() == null)) {
            return; // the library's own: trust anything for REQUIRED/PREFERRED, the JVM trust store to verify
        }
        boolean verify = db.sslMode() == SslMode.VERIFY_CA || db.sslMode() == SslMode.VERIFY_IDENTITY;
        SSLContext context = TlsContexts.context(files, verify, "ssl_ca", "ssl_cert", "ssl_key");
        // the library checks the host name itself in VERIFY_IDENTITY, whichever factory makes the socket
        client.setSslSocketFactory(socket -> {
            try {
                return (SSLSocket) context.getSocketFactory().createSocket(socket,
                        socket.getInetAddress().getHostName(), socket.getPort(), true);
            } catch (IOException e) {
                throw (SocketException) new SocketException(e.getMessage()).initCause(e);
            }
        });
    }

    private static StoreFiles writeStores(TlsFiles files) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().encodeToString(random);
        Path trust = files.ca() == null ? null
                : write(TlsContexts.trustStore(files, "ssl_ca"), password, "chameleon-trust-");
        Path client = files.cert() == null ? null
                : write(TlsContexts.keyStore(files, password.toCharArray(), "ssl_cert", "ssl_key"), password,
                "chameleon-client-");
        return new StoreFiles(trust, client, password);
    }

    private static Path write(KeyStore store, String password, String prefix) {
        try {
            Path file = Files.createTempFile(prefix, ".p12",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot write the key store Connector/J reads TLS material from ("
                    + System.getProperty("java.io.tmpdir") + "): " + e.getMessage(), e);
        }
    }

    private record StoreFiles(Path trust, Path client, String password) {
        boolean present() {
            return (trust == null || Files.exists(trust)) && (client == null || Files.exists(client));
        }
    }
}
