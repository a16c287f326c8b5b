package io.chameleon.config.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Accepted spellings of each value kind and what they become. */
class ValueKindParsingTest {

    private static final ValueSite SITE = new ValueSite("key", false);

    private static <T> T parse(ValueKind<T> kind, JsonNode node) throws InvalidValueException {
        return kind.parse(node, SITE);
    }

    @ParameterizedTest
    @CsvSource({"300, 300", "300k, 307200", "300M, 314572800", "2G, 2147483648", "'1 M', 1048576"})
    void sizesBecomeBytes(String text, long bytes) throws InvalidValueException {
        assertEquals(bytes, parse(new SizeKind(), TextNode.valueOf(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300m", "300MB", "-1", "1.5G", ""})
    void sizesOutsidePgChameleonSyntaxAreRejected(String text) {
        assertThrows(InvalidValueException.class, () -> parse(new SizeKind(), TextNode.valueOf(text)));
    }

    @ParameterizedTest
    @CsvSource({"Yes, true", "No, false", "yes, true", "no, false", "TRUE, true", "false, false"})
    void booleanWordsOfYaml11AreAccepted(String text, boolean value) throws InvalidValueException {
        assertEquals(value, parse(new BooleanKind(), TextNode.valueOf(text)));
    }

    @Test
    void yamlBooleanIsAccepted() throws InvalidValueException {
        assertEquals(true, parse(new BooleanKind(), BooleanNode.TRUE));
    }

    @ParameterizedTest
    @CsvSource({"120s, 120s", "'120 S', 120s", "5min, 5min", "250ms, 250ms", "1h, 1h", "2d, 2d", "120, 120ms"})
    void durationsAreNormalisedWithAnExplicitUnit(String text, String normalised) throws InvalidValueException {
        assertEquals(normalised, parse(new DurationKind(), TextNode.valueOf(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 day", "30 minutes", "2 hours 30 minutes", "1 week", "01:30:00", "10 s", "1.5 days"})
    void postgresqlIntervalsAreAccepted(String text) throws InvalidValueException {
        assertEquals(text, parse(new IntervalKind(), TextNode.valueOf(text)));
    }

    @Test
    void disabledMaintenanceIsEmpty() throws InvalidValueException {
        assertEquals(Optional.empty(), parse(new IntervalOrDisabledKind(), TextNode.valueOf("disabled")));
        assertEquals(Optional.of("1 day"), parse(new IntervalOrDisabledKind(), TextNode.valueOf("1 day")));
    }

    @Test
    void quotedAndPlainPortsAreAccepted() throws InvalidValueException {
        assertEquals(5432, parse(new PortKind(), TextNode.valueOf("5432")));
        assertEquals(3306, parse(new PortKind(), IntNode.valueOf(3306)));
    }

    @Test
    void secretValueIsNotShownInProblem() {
        InvalidValueException failure = assertThrows(InvalidValueException.class,
                () -> new PortKind().parse(TextNode.valueOf("hunter2"), new ValueSite("key", true)));

        assertEquals("the value is not a port number; use an integer from 1 to 65535",
                failure.problems().get(0).message());
    }
}
