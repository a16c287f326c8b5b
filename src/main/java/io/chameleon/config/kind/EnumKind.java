package io.chameleon.config.kind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One of a fixed set of words; each word is the lower-case name of an enum constant. */
public final class EnumKind<E extends Enum<E>> implements ValueKind<E> {

    private final Class<E> type;
    private final E nullWord;

    public EnumKind(Class<E> type) {
        this(type, null);
    }

    /**
     * @param nullWord the constant named {@code null}: YAML reads an unquoted {@code null} as no value, and a user who
     *                 writes it means this constant, not the key's default
     */
    public EnumKind(Class<E> type, E nullWord) {
        this.type = type;
        this.nullWord = nullWord;
    }

    /** The YAML word for a constant, e.g. {@code ON_ERROR} -> {@code on_error}. */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E parse(JsonNode node, ValueSite site) throws InvalidValueException {
        String fix = "use " + choices();
        // verify-ca as libpq and MySQL's --ssl-mode spell it, verify_ca as YAML keys do
        String text = ScalarText.of(node, site, fix).trim().replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (word(constant).equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw site.invalid(node, "is not a valid value; " + fix);
    }

    private String choices() {
        String[] words = Arrays.stream(type.getEnumConstants()).map(EnumKind::word).toArray(String[]::new);
        if (words.length == 1) {
            return words[0];
        }
        return String.join(", ", Arrays.copyOf(words, words.length - 1)) + " or " + words[words.length - 1];
    }

    @Override
    public E whenNull() {
        return nullWord;
    }

    @Override
    public String summary() {
        return Arrays.stream(type.getEnumConstants()).map(EnumKind::word).collect(Collectors.joining(" | "));
    }
}
