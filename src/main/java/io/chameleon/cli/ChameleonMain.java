package io.chameleon.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * Entry point. Commands that only talk to the databases and print (most of them) run directly, without booting
 * the Quarkus runtime: that keeps them quick to start and sure to open no port. Commands marked
 * {@link NeedsRuntime} (the long-running replica with its health endpoint) run inside Quarkus.
 */
@QuarkusMain
public class ChameleonMain implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    /**
     * Whether this process is the chameleon program (started through {@link #main}), so that running a command in
     * the background may start this program again; a command run embedded (tests) must stay in the foreground.
     */
    static volatile boolean program;

    public static void main(String... args) {
        program = true;
        // the build's class-data-sharing run must boot Quarkus to record its classes
        boolean recordingClasses = Boolean.getBoolean("quarkus.appcds.generate");
        // one command line, built once (its model of every command is most of what --help costs) for deciding,
        // running directly and preparing the runtime
        CommandLine direct = CommandLines.create(CommandLine.defaultFactory());
        if (!recordingClasses && !RuntimeSelector.needsRuntime(direct, args)) {
            System.exit(CommandLines.execute(direct, args));
        }
        RuntimeSelector.prepare(direct, args);
        Quarkus.run(ChameleonMain.class, args);
    }

    @Override
    public int run(String... args) {
        return CommandLines.execute(factory, args);
    }
}
