package io.chameleon.packaging;

import com.github.luben.zstd.Zstd;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native image's configuration for zstd-jni (MySQL 8 compressed transactions) follows the zstd-jni on the class
 * path: a version whose library is named differently, or a new Netty class reaching it, shows here rather than as an
 * UnsatisfiedLinkError in a native replica.
 */
class ZstdNativeImageConfigTest {

    @Test
    void theNativeImageHoldsTheJniLibraryZstdJniLoadsOnLinux() throws Exception {
        List<String> includes = Arrays.asList(applicationProperties()
                .getProperty("quarkus.native.resources.includes").split(","));

        try (JarFile jar = new JarFile(Path.of(Zstd.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toFile())) {
            for (String arch : List.of("amd64", "aarch64")) {
                String library = jar.stream().map(ZipEntry::getName)
                        .filter(name -> name.startsWith("linux/" + arch + "/") && name.endsWith(".so"))
                        .findFirst().orElseThrow();
                assertThat(includes).as("the includes cover " + library)
                        .anySatisfy(glob -> assertThat(matches(glob, library)).isTrue());
            }
        }
    }

    @Test
    void zstdJniAndTheNettyClassesCallingItAreInitialisedAtRunTime() throws Exception {
        String buildArgs = applicationProperties().getProperty("quarkus.native.additional-build-args");

        // as SmallRye Config reads the list: "\," is a comma within one argument
        List<String> runTime = Arrays.stream(buildArgs.split("(?<!\\\\),"))
                .filter(arg -> arg.startsWith("--initialize-at-run-time="))
                .flatMap(arg -> Arrays.stream(arg.substring("--initialize-at-run-time=".length()).split("\\\\,")))
                .toList();
        assertThat(runTime).contains("com.github.luben.zstd", "io.netty.handler.codec.compression.Zstd",
                "io.netty.handler.codec.compression.ZstdOptions", "io.netty.handler.codec.compression.ZstdConstants");
    }

    @Test
    void theJniLibraryDecompressesOnTheJvm() {
        byte[] text = "compressed transaction payload ".repeat(20).getBytes();
        byte[] compressed = Zstd.compress(text);

        assertThat(Zstd.decompress(compressed, text.length)).isEqualTo(text);
    }

    private static boolean matches(String glob, String resource) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        return matcher.matches(Path.of(resource));
    }

    private static Properties applicationProperties() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = ZstdNativeImageConfigTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
