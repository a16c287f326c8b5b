package io.chameleon.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Containerfile (Dockerfile) as the tests read it: its instructions, continuation lines joined, comments dropped. */
record Containerfile(Path file, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Containerfile read(Path file) throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String[] parts = pending.toString().strip().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
            pending.setLength(0);
        }
        return new Containerfile(file, instructions);
    }

    List<String> arguments(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The one instruction of this keyword (the last one counts in a build; more than one here is a mistake). */
    String single(String keyword) {
        List<String> all = arguments(keyword);
        if (all.size() != 1) {
            throw new AssertionError(file + " has " + all.size() + " " + keyword + " instructions, expected one: "
                    + all);
        }
        return all.get(0);
    }

    /** An instruction in exec form (a JSON array of strings), e.g. ENTRYPOINT ["/usr/local/bin/chameleon"]. */
    List<String> execForm(String keyword) {
        String arguments = single(keyword);
        if (!arguments.startsWith("[") || !arguments.endsWith("]")) {
            throw new AssertionError(file + ": " + keyword + " is in shell form (" + arguments + "); the exec form "
                    + "[\"...\"] passes signals to the program, which stops the replica at a transaction boundary");
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = JSON_STRING.matcher(arguments);
        while (matcher.find()) {
            words.add(matcher.group(1));
        }
        return words;
    }

    /** The destinations of COPY instructions, options (--chown, --chmod) left out. */
    List<String> copyDestinations() {
        return arguments("COPY").stream().map(a -> a.split("\\s+")).map(w -> w[w.length - 1]).toList();
    }

    /** The sources of COPY instructions. */
    List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (String copy : arguments("COPY")) {
            String[] words = copy.split("\\s+");
            for (int i = 0; i < words.length - 1; i++) {
                if (!words[i].startsWith("--")) {
                    sources.add(words[i]);
                }
            }
        }
        return sources;
    }
}
