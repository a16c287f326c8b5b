package io.chameleon.cli;

import io.chameleon.config.ChameleonConfig;

import java.nio.file.Path;

/**
 * Where a replica process logs with {@code log_dest: file}, as pg_chameleon names it:
 * {@code <log_dir>/<configuration>_<source>.log}, rotated daily and kept {@code log_days_keep} days. What the
 * process itself prints (start-up lines, a JVM crash) goes beside it, to {@code .out}.
 */
final class ReplicaLogFile {

    private ReplicaLogFile() {
    }

    static Path log(ChameleonConfig config, String configName, String source) {
        return config.logDir().resolve(baseName(configName) + "_" + source + ".log");
    }

    static Path output(ChameleonConfig config, String configName, String source) {
        return config.logDir().resolve(baseName(configName) + "_" + source + ".out");
    }

    /**
     * What a copy run in the background (init_replica, sync_tables, refresh_schema) prints, its progress and
     * summary: {@code <log_dir>/<configuration>_<source>_copy.log}, appended run after run.
     */
    static Path copyLog(ChameleonConfig config, String configName, String source) {
        return config.logDir().resolve(baseName(configName) + "_" + source + "_copy.log");
    }

    /** The Quarkus logging properties of a replica process logging to its file (set before the runtime boots). */
    static void configure(ChameleonConfig config, String configName, String source) {
        System.setProperty("quarkus.log.file.enabled", "true");
        System.setProperty("quarkus.log.file.path", log(config, configName, source).toString());
        System.setProperty("quarkus.log.file.rotation.enabled", "true");
        System.setProperty("quarkus.log.file.rotation.file-suffix", ".yyyy-MM-dd");
        System.setProperty("quarkus.log.file.rotation.max-backup-index", Integer.toString(config.logDaysKeep()));
        // rotation by day only, as the reference does: a size limit would count against the days kept
        System.setProperty("quarkus.log.file.rotation.max-file-size", "1T");
        System.setProperty("quarkus.log.file.rotation.rotate-on-boot", "false");
        System.setProperty("quarkus.log.console.enabled", "false");
    }

    private static String baseName(String configName) {
        String file = Path.of(configName).getFileName().toString();
        return file.replaceFirst("\\.ya?ml$", "");
    }
}
