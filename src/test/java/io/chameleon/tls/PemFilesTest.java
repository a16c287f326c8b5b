package io.chameleon.tls;

import io.chameleon.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PEM certificates and PKCS#8 keys as openssl writes them; a traditional key is refused with the conversion. */
class PemFilesTest {

    @Test
    void readsOpensslCertificatesAndPkcs8KeysAndRefusesTraditionalKeysWithTheFix(@TempDir Path dir) throws Exception {
        TestCertificates certs = TestCertificates.generate(dir);

        assertThat(PemFiles.certificates(certs.caCert(), "ssl_ca")).hasSize(1);
        assertThat(PemFiles.privateKey(certs.clientKey(), "ssl_key").getAlgorithm()).isEqualTo("RSA");
        assertThat(TlsContexts.keyStore(new io.chameleon.config.TlsFiles(certs.caCert(), certs.clientCert(),
                certs.clientKey()), new char[0], "ssl_cert", "ssl_key").size()).isEqualTo(1);

        Path traditional = dir.resolve("traditional.key");
        Process convert = new ProcessBuilder("openssl", "rsa", "-traditional", "-in", certs.clientKey().toString(),
                "-out", traditional.toString()).redirectErrorStream(true).start();
        assertThat(convert.waitFor(60, TimeUnit.SECONDS) && convert.exitValue() == 0).isTrue();
        assertThat(Files.readString(traditional)).contains("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> PemFiles.privateKey(traditional, "ssl_key"))
                .isInstanceOf(TlsSetupException.class)
                .hasMessageContaining("ssl_key " + traditional)
                .hasMessageContaining("-----BEGIN RSA PRIVATE KEY-----")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + traditional);
    }
}
