package io.chameleon.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program as a separate process, as an operator or a service manager would, and keeps what it printed. */
record ProgramRun(int exitCode, String out, String err) {

    private static final long TIMEOUT_SECONDS = 120;

    /** Runs {@code command} with the environment changed by {@code environment} (a null value removes a name). */
    static ProgramRun run(List<String> command, Map<String, String> environment, Path scratch)
            throws IOException, InterruptedException {
        return run(command, environment, scratch, null);
    }

    /** The same, in {@code directory} (null: this process's). */
    static ProgramRun run(List<String> command, Map<String, String> environment, Path scratch, Path directory)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS
                        + " s; its output so far:\n" + Files.readString(out) + Files.readString(err));
            }
        } finally {
            process.destroyForcibly();
        }
        return new ProgramRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A shell script, executable, that prints each argument it is given on a line of its own. */
    static Path fakeExecutable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\nfor a in \"$@\"; do echo \"fake: $a\"; done\nexit 7\n");
        file.toFile().setExecutable(true);
        return file;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
