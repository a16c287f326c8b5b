package io.chameleon.capture;

import java.util.Locale;
import java.util.Optional;

/**
 * The XA statements of a binlog that matter to the reader. MariaDB writes an XA transaction's rows when it is
 * prepared ({@code XA END xid}, then the prepare event) and its outcome later, in a group of its own ({@code XA
 * COMMIT xid} or {@code XA ROLLBACK xid}). The server writes the xid the same way each time, so it is compared as text.
 */
record XaStatement(Verb verb, String xid) {

    enum Verb { END, COMMIT, ROLLBACK }

    static Optional<XaStatement> of(String sql) {
        String text = sql.strip();
        if (text.length() < 6 || !text.regionMatches(true, 0, "XA ", 0, 3)) {
            return Optional.empty();
        }
        String rest = text.substring(3).stripLeading();
        String word = rest.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        Verb verb = switch (word) {
            case "END" -> Verb.END;
            case "COMMIT" -> Verb.COMMIT;
            case "ROLLBACK" -> Verb.ROLLBACK;
            default -> null;
        };
        if (verb == null) {
            return Optional.empty();
        }
        String xid = rest.substring(word.length()).strip();
        // XA END xid [SUSPEND [FOR MIGRATE]], XA COMMIT xid [ONE PHASE]: the xid alone
        int option = xid.toUpperCase(Locale.ROOT).lastIndexOf(verb == Verb.END ? " SUSPEND" : " ONE PHASE");
        if (option > 0 && xid.lastIndexOf('\'') < option) {
            xid = xid.substring(0, option).strip();
        }
        return Optional.of(new XaStatement(verb, xid));
    }
}
