package io.chameleon.schema;

import io.chameleon.mysql.SourceCharset;

import java.util.List;

/**
 * ENUM: the label text. MySQL's non-strict mode stores invalid input as the empty "error" value, which is not a
 * label of the PostgreSQL enum type unless the column declares it.
 */
public record EnumCodec(String column, SourceCharset charset, List<String> labels) implements ValueCodec {

    public EnumCodec {
        labels = List.copyOf(labels);
    }

    @Override
    public String fromText(byte[] raw) throws BadValueException {
        if (raw == null) {
            return null;
        }
        String label = StrictText.decode(column, charset, raw);
        if (!labels.contains(label)) {
            throw new BadValueException(BadValueReason.OUT_OF_RANGE, column, raw, "not a label of the enum");
        }
        return label;
    }
}
