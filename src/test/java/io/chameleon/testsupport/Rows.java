package io.chameleon.testsupport;

import java.util.Arrays;
import java.util.List;

/** Expected result rows for assertions; unlike List.of, a row may hold NULLs. */
public final class Rows {

    private Rows() {
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
