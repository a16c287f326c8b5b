package io.chameleon.cli;

import io.chameleon.error.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** Asks the operator to type YES before a destructive action, as pg_chameleon does. */
final class Confirmation {

    private static final Set<String> NEAR_MISSES = Set.of("yes", "y", "ok", "sure", "true");

    private Confirmation() {
    }

    static void require(String action, String command, PrintWriter out) {
        out.print("You are about to " + action + ". Type YES to continue: ");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        out.println();
        if (answer == null) {
            throw new UsageException(command + " needs confirmation and no answer could be read; "
                    + "type YES at the prompt or pass --yes");
        }
        if (!"YES".equals(answer.trim())) {
            String hint = NEAR_MISSES.contains(answer.trim().toLowerCase(Locale.ROOT))
                    ? " (type YES in capitals to confirm)" : "";
            throw new UsageException(command + " not confirmed; nothing was changed" + hint);
        }
    }
}
