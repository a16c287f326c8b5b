package io.chameleon.config.kind;

/** One wrong part of a value: the concrete key path (e.g. {@code sources.mysql.limit_tables[2]}) and the message. */
public record ValueProblem(String path, String message) {
}
