package io.chameleon.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded, validated configuration file. Directories have {@code ~} expanded; secrets are {@link Secret}s.
 *
 * @param file          the file it was read from, for messages
 * @param typeOverrides MySQL column type to override, in file order
 * @param fillfactor    fillfactor value to the tables created with it
 * @param sources       by name, in file order
 * @param rollbarEndpoint     Rollbar's item API, or a receiver standing in for it
 * @param notificationWebhook URL every alert is posted to as JSON; empty for none
 */
public record ChameleonConfig(Path file, Path pidDir, Path logDir, LogDestination logDest, LogLevel logLevel,
                              int logDaysKeep, Secret rollbarKey, String rollbarEnv, String catalogueSchema,
                              Map<String, TypeOverride> typeOverrides, Map<Integer, List<String>> fillfactor,
                              PgConnectionConfig pgConn, Map<String, SourceConfig> sources, String healthAddress,
                              String rollbarEndpoint, Secret notificationWebhook) {

    public ChameleonConfig {
        typeOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(typeOverrides));
        fillfactor = Collections.unmodifiableMap(new LinkedHashMap<>(fillfactor));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The named source, or a message listing the sources the file does have. */
    public SourceConfig source(String name) {
        SourceConfig source = sources.get(name);
        if (source == null) {
            throw new ConfigurationException("source '" + name + "' is not in " + file + "; sources there: "
                    + String.join(", ", sources.keySet()));
        }
        return source;
    }
}
