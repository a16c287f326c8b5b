package io.chameleon.preflight;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints the checks, one line each (status, area, check, value found), the fix indented below a warn or fail. */
public final class PreflightReport {

    private PreflightReport() {
    }

    public static void print(String sourceName, List<CheckResult> results, PrintWriter out) {
        out.println("Pre-flight checks of source " + sourceName + ":");
        int width = results.stream().mapToInt(r -> r.area().length() + r.name().length() + 1).max().orElse(10);
        for (CheckResult result : results) {
            out.printf("%-4s  %-" + width + "s  %s%n", result.status().name().toLowerCase(Locale.ROOT),
                    result.area() + " " + result.name(), result.found());
            if (!result.fix().isEmpty()) {
                out.printf("%-4s  %-" + width + "s  fix: %s%n", "", "", result.fix());
            }
        }
        long failed = results.stream().filter(CheckResult::failed).count();
        long warned = results.stream().filter(r -> r.status() == CheckResult.Status.WARN).count();
        out.println(failed == 0 ? "All checks passed" + (warned == 0 ? "." : " (" + warned + " warnings).")
                : failed + " check" + (failed == 1 ? "" : "s") + " failed, " + warned + " warnings.");
        out.flush();
    }
}
