package io.chameleon.cli;

import io.chameleon.catalogue.SchemaMappingDifference;
import io.chameleon.catalogue.SourceRecord;
import io.chameleon.config.SourceConfig;

import java.io.PrintWriter;

/**
 * The catalogue holds the schema mappings in force once a source is registered: the copy, the stream, show_status
 * and the conflict checks all follow it. A configuration file edited since is reported, with the command that
 * applies it.
 */
final class MappingsInForce {

    private MappingsInForce() {
    }

    /** The source as configured, with the catalogue's mappings; warns on {@code err} when the file's differ. */
    static SourceConfig of(SourceConfig configured, SourceRecord registered, String configName, PrintWriter err) {
        warnIfEdited(configured, registered, configName, err);
        return configured.withSchemaMappings(registered.schemaMappings());
    }

    static void warnIfEdited(SourceConfig configured, SourceRecord registered, String configName, PrintWriter err) {
        SchemaMappingDifference difference = SchemaMappingDifference.between(registered.schemaMappings(),
                configured.schemaMappings());
        if (!difference.isEmpty()) {
            err.println("WARNING: " + difference.warning(registered.name(), configName));
            err.flush();
        }
    }
}
