package io.chameleon.ops;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of the sample {@code name} whose labels include {@code labels} (a=b,c=d); NaN when absent. */
    static double value(String scrape, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (List.of(m.group(1).split(",")).containsAll(List.of(labels.split(",")))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return Double.NaN;
    }
}
