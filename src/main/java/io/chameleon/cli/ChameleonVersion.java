package io.chameleon.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code chameleon-version.properties} at build time. */
public final class ChameleonVersion implements CommandLine.IVersionProvider {

    public static String version() {
        try (InputStream in = ChameleonVersion.class.getClassLoader()
                .getResourceAsStream("chameleon-version.properties")) {
            Properties props = new Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"chameleon " + version()};
    }
}
