package io.chameleon.copy;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the copy shows while it runs: a redrawn block on a terminal, plain periodic lines elsewhere. */
class CopyProgressDisplayTest {

    private static final String UP_AND_CLEAR_2 = "\033[2F\033[J";
    /** The display's own timer stays out of the way: the test refreshes it by hand. */
    private static final long NO_TICK = 3600;

    @Test
    void onATerminalTheBlockIsRedrawnInPlaceWithOneLinePerTableAtWork() throws Exception {
        TableProgress orders = new TableProgress("shop.orders", 1000);
        TableProgress idle = new TableProgress("shop.idle", 50);
        StringWriter text = new StringWriter();
        try (CopyProgressDisplay display = new CopyProgressDisplay(List.of(orders, idle), new PrintWriter(text), true,
                NO_TICK)) {
            orders.started();
            for (int i = 0; i < 250; i++) {
                orders.rowCopied();
            }
            Thread.sleep(20); // a measurable elapsed time, so that rows/s is not zero
            display.show();
            String first = text.toString();
            assertThat(first).doesNotContain("\033[").contains("shop.orders").contains("250 rows")
                    .doesNotContain("shop.idle").containsPattern("0/2 tables, 250 of ~1,050 rows, [\\d,]+ rows/s, ETA ");
            assertThat(first.lines()).hasSize(2);

            for (int i = 0; i < 750; i++) {
                orders.rowCopied();
            }
            orders.finished();
            display.show();
            String second = text.toString().substring(first.length());
            assertThat(second).startsWith(UP_AND_CLEAR_2).contains("1/2 tables, 1,000 of ~1,050 rows")
                    .doesNotContain("shop.orders ");
        }
        assertThat(text.toString()).endsWith("\033[1F\033[J"); // the block is wiped when the copy ends
    }

    @Test
    void elsewhereEachRefreshIsALogLine() {
        TableProgress orders = new TableProgress("shop.orders", 10);
        StringWriter text = new StringWriter();
        try (CopyProgressDisplay display = new CopyProgressDisplay(List.of(orders), new PrintWriter(text), false,
                NO_TICK)) {
            orders.started();
            orders.rowCopied();
            display.show();
            display.show();
        }
        assertThat(text.toString()).doesNotContain("\033[");
        assertThat(text.toString().lines()).hasSize(2).allMatch(line -> line.startsWith("copy progress: 0/1 tables,"
                + " 1 of ~10 rows"));
    }
}
