package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A group of keys (e.g. {@code pg_conn}); its children are declared as keys of their own. The value is only
 * checked to be a map; {@code allowEmpty} false means at least one entry is needed (e.g. {@code sources}).
 */
public final class SectionKind implements ValueKind<Boolean> {

    private final boolean allowEmpty;
    private final String fix;

    public SectionKind(boolean allowEmpty, String fix) {
        this.allowEmpty = allowEmpty;
        this.fix = fix;
    }

    @Override
    public Boolean parse(JsonNode node, ValueSite site) throws InvalidValueException {
        if (!node.isObject()) {
            throw site.invalid(node, "is not a map of keys; " + fix);
        }
        if (!allowEmpty && node.isEmpty()) {
            throw site.problem("has no entries; " + fix);
        }
        return Boolean.TRUE;
    }

    @Override
    public Boolean whenNull() {
        return allowEmpty ? Boolean.TRUE : null;
    }

    @Override
    public String summary() {
        return "section";
    }
}
