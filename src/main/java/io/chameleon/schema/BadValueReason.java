package io.chameleon.schema;

/** Why a MySQL value has no faithful PostgreSQL equivalent. */
public enum BadValueReason {
    /** {@code 0000-00-00} or a date with a zero year, month or day part: PostgreSQL has no such date. */
    ZERO_DATE,
    /** A U+0000 character in text or a {@code \u0000} escape in JSON: PostgreSQL text cannot hold it. */
    NUL_CHARACTER,
    /** A TIME outside 00:00:00..24:00:00 (MySQL allows -838:59:59..838:59:59). */
    TIME_OUT_OF_RANGE,
    /** Bytes that are not valid in the column's character set (or malformed spatial data). */
    INVALID_BYTES,
    /** A value outside what the PostgreSQL type holds (an empty enum label, an unknown set member...). */
    OUT_OF_RANGE
}
