package io.chameleon.ddl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code src/test/resources/ddl/translation-gaps.tsv}: corpus entries whose PostgreSQL translation is known to be
 * wrong; id, whether PostgreSQL rejects it ({@code fails}) or runs it to a wrong result ({@code runs}), why.
 */
final class TranslationGaps {

    record Gap(boolean failsInPostgres, String why) {
    }

    private TranslationGaps() {
    }

    static Map<String, Gap> all() {
        Map<String, Gap> gaps = new LinkedHashMap<>();
        DdlTranslations.loadRaw("/ddl/translation-gaps.tsv").forEach((id, rest) -> {
            String[] f = rest.split("\t", 2);
            if (f.length != 2 || !(f[0].equals("fails") || f[0].equals("runs"))) {
                throw new IllegalArgumentException("translation-gaps.tsv: id, fails|runs, why: " + id + " " + rest);
            }
            gaps.put(id, new Gap(f[0].equals("fails"), f[1]));
        });
        return gaps;
    }
}
