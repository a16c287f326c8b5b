package io.chameleon.mysql;

/** Which server family the source is: catalogue contents and binlog details differ between them. */
public enum SourceFlavour {
    MARIADB,
    MYSQL;

    /** From {@code SELECT VERSION()}: MariaDB says so in its version string ({@code 10.11.6-MariaDB-0+deb12u1}). */
    public static SourceFlavour fromVersion(String version) {
        return version.toLowerCase(java.util.Locale.ROOT).contains("mariadb") ? MARIADB : MYSQL;
    }
}
