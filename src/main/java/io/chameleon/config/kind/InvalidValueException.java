package io.chameleon.config.kind;

import java.util.List;

/** Thrown by a {@link ValueKind} when a value cannot be used; carries every problem found inside the value. */
public final class InvalidValueException extends Exception {

    private final List<ValueProblem> problems;

    public InvalidValueException(List<ValueProblem> problems) {
        super(problems.isEmpty() ? "invalid value" : problems.get(0).path() + ": " + problems.get(0).message(),
                null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<ValueProblem> problems() {
        return problems;
    }
}
