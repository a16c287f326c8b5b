package io.chameleon.tls;

import io.chameleon.config.PgSslMode;
import io.chameleon.config.TlsFiles;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import javax.net.ssl.SSLSocketFactory;

/**
 * The SSL socket factory pgjdbc instantiates by name ({@code sslfactory}) with the connection's properties: trust
 * and client material from {@link PgTls}'s properties; the certificate is checked in verify-ca and verify-full.
 */
@RegisterForReflection // pgjdbc instantiates it by name, also in the native executable
public final class PgSslSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;

    public PgSslSocketFactory(Properties info) {
        String mode = info.getProperty("sslmode", "prefer").toUpperCase(Locale.ROOT).replace('-', '_');
        TlsFiles files = new TlsFiles(path(info, PgTls.ROOT_CERT), path(info, PgTls.CERT), path(info, PgTls.KEY));
        boolean verify = PgSslMode.valueOf(mode).checksCertificate();
        delegate = TlsContexts.context(files, verify, "pg_conn.sslrootcert", "pg_conn.sslcert", "pg_conn.sslkey")
                .getSocketFactory();
    }

    private static Path path(Properties info, String key) {
        String value = info.getProperty(key);
        return value == null ? null : Path.of(value);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(s, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
