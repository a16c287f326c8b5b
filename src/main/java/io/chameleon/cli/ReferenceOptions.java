package io.chameleon.cli;

import io.chameleon.error.UsageException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * pg_chameleon accepts all of its options on every command ({@code --config --source --schema --tables --logid
 * --debug --rollbar-level --full --version}), so existing scripts pass them freely. Every command here accepts them
 * too: where one means nothing for the command it is accepted, hidden from the help, and named in a NOTE on stderr.
 * {@code --tables} stays refused by init_replica and detach_replica, as pg_chameleon refuses it there: a script
 * meaning to copy some tables must not silently copy them all.
 */
final class ReferenceOptions {

    /** The options every pg_chameleon command takes (global ones, --config, --source, --debug, are inherited). */
    static final List<String> VALUED = List.of("--schema", "--tables", "--logid");
    static final String FULL = "--full";
    static final String ROLLBAR_LEVEL = "--rollbar-level";
    /** Commands that send alerts, for which --rollbar-level means something. */
    static final Set<String> ALERTING = Set.of("init_replica", "sync_tables", "refresh_schema", "copy_schema",
            "start_replica", "detach_replica");
    static final Set<String> TABLES_REFUSED = Set.of("init_replica", "detach_replica");

    private final Set<OptionSpec> ignored = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Adds the options a command lacks, hidden; every subcommand answers --version as the top command does. */
    void addTo(CommandLine top) {
        for (CommandLine sub : top.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.versionProvider() == null) {
                spec.versionProvider(new ChameleonVersion());
            }
            for (String name : VALUED) {
                if (spec.findOption(name) == null) {
                    add(spec, OptionSpec.builder(name).arity("1").type(String.class).paramLabel("VALUE"));
                }
            }
            if (spec.findOption(FULL) == null) {
                add(spec, OptionSpec.builder(FULL).arity("0").type(boolean.class));
            }
        }
    }

    private void add(CommandSpec spec, OptionSpec.Builder builder) {
        OptionSpec option = builder.hidden(true)
                .description("Accepted for pg_chameleon compatibility; ignored by this command.").build();
        spec.addOption(option);
        ignored.add(option);
    }

    /** Names the pg_chameleon options given to a command that ignores them; refuses --tables where it must. */
    void check(CommandLine.ParseResult parsed, PrintWriter err) {
        CommandLine.ParseResult command = parsed;
        while (command.subcommand() != null) {
            command = command.subcommand();
        }
        String name = command.commandSpec().name();
        for (OptionSpec option : command.matchedOptions()) {
            if (!ignored.contains(option)) {
                continue;
            }
            if (option.longestName().equals("--tables") && TABLES_REFUSED.contains(name)) {
                throw new UsageException(name + " works on every table of the source and does not take --tables"
                        + " (nor does pg_chameleon's); copy some tables with 'sync_tables --tables a.b,c.d'");
            }
            err.println("NOTE: " + option.longestName() + " is ignored by " + name + " (accepted because"
                    + " pg_chameleon takes it on every command)");
        }
        boolean levelGiven = parsed.hasMatchedOption(ROLLBAR_LEVEL) || command.hasMatchedOption(ROLLBAR_LEVEL);
        if (levelGiven && command != parsed && !ALERTING.contains(name)) {
            err.println("NOTE: " + ROLLBAR_LEVEL + " is ignored by " + name + ", which sends no alerts");
        }
        err.flush();
    }
}
