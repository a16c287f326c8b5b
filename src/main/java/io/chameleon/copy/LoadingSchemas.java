package io.chameleon.copy;

/** Names of the schemas a copy works in before its tables are published (as pg_chameleon names them). */
final class LoadingSchemas {

    private static final int MAX_IDENTIFIER = 63;

    private LoadingSchemas() {
    }

    /** Where tables are built and loaded: {@code _<destination>_tmp}. */
    static String loading(String destination) {
        return "_" + cut(destination, MAX_IDENTIFIER - 5) + "_tmp";
    }

    /** Where the previous destination schema waits during a swap before it is dropped. */
    static String retired(String destination) {
        return "_" + cut(destination, MAX_IDENTIFIER - 5) + "_old";
    }

    private static String cut(String name, int max) {
        return name.length() <= max ? name : name.substring(0, max);
    }
}
