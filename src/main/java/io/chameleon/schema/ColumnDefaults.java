package io.chameleon.schema;

import io.chameleon.mysql.ColumnDefault;
import io.chameleon.mysql.SourceColumn;
import io.chameleon.postgres.PgIdentifiers;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates MySQL column defaults. A literal goes through the column's own codec, so a default is accepted
 * exactly when the same value would be in a row ({@code '0000-00-00'} is not); the current-time functions map to
 * their PostgreSQL twins; anything else is dropped with a note rather than guessed.
 */
final class ColumnDefaults {

    private static final Pattern NOW = Pattern.compile(
            "(current_timestamp|now|localtimestamp|localtime)\\s*(\\(\\s*\\d*\\s*\\))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern TODAY = Pattern.compile("(curdate|current_date)\\s*(\\(\\s*\\))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BIT_LITERAL = Pattern.compile("b'([01]*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** The DEFAULT expression for PostgreSQL, or null (no default, or one that does not translate: noted). */
    String translate(SourceColumn column, ValueCodec codec, boolean overridden, List<String> notes) {
        ColumnDefault declared = column.defaultValue();
        if (declared instanceof ColumnDefault.Literal literal) {
            return literal(column, codec, literal.text(), overridden, notes);
        }
        if (declared instanceof ColumnDefault.Expression expression) {
            return expression(codec, expression.sql().strip(), notes);
        }
        return null; // none, or NULL which is PostgreSQL's default anyway
    }

    private String literal(SourceColumn column, ValueCodec codec, String text, boolean overridden,
                           List<String> notes) {
        if (codec instanceof GeometryCodec) {
            notes.add("default " + text + " dropped: spatial defaults are not translated");
            return null;
        }
        String value;
        try {
            value = codec instanceof BitCodec bits && NUMBER.matcher(text).matches()
                    ? bits.fromUnsigned(new BigInteger(text))
                    : codec.fromText(text.getBytes(charsetOf(codec)));
        } catch (BadValueException e) {
            notes.add("default '" + text + "' dropped: " + e.reason());
            return null;
        }
        boolean number = codec instanceof ExactNumberCodec || codec instanceof UnsignedBigintCodec
                || codec instanceof FloatCodec || codec instanceof YearCodec;
        return number && !overridden && NUMBER.matcher(value).matches() ? value : PgIdentifiers.literal(value);
    }

    private String expression(ValueCodec codec, String sql, List<String> notes) {
        if (NOW.matcher(sql).matches() && codec instanceof DateTimeCodec) {
            return "CURRENT_TIMESTAMP";
        }
        if ((NOW.matcher(sql).matches() || TODAY.matcher(sql).matches()) && codec instanceof DateCodec) {
            return "CURRENT_DATE";
        }
        Matcher bits = BIT_LITERAL.matcher(sql);
        if (bits.matches() && codec instanceof BitCodec bit) {
            String digits = bits.group(1).isEmpty() ? "0" : bits.group(1);
            return PgIdentifiers.literal(bit.fromUnsigned(new BigInteger(digits, 2)));
        }
        notes.add("default " + sql + " dropped: expression not translated");
        return null;
    }

    /** Defaults come from the catalogue as text; the codec expects them in the column's charset. */
    private static Charset charsetOf(ValueCodec codec) {
        if (codec instanceof TextCodec text) {
            return text.charset().javaCharset();
        }
        if (codec instanceof EnumCodec enumCodec) {
            return enumCodec.charset().javaCharset();
        }
        if (codec instanceof SetCodec set) {
            return set.charset().javaCharset();
        }
        if (codec instanceof JsonCodec json) {
            return json.charset().javaCharset();
        }
        return StandardCharsets.UTF_8;
    }
}
