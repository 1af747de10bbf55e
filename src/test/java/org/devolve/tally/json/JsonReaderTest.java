package org.devolve.tally.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    private static Object read(String json) {
        return new JsonReader(json).readValue();
    }

    private static void refused(String json) {
        assertThrows(JsonException.class, () -> {
            JsonReader reader = new JsonReader(json);
            reader.readValue();
            reader.peek();
        }, json);
    }

    @Test
    void readsEveryKindOfValue() {
        Map<?, ?> tree = (Map<?, ?>) read(" {\"a\": [1, -2.5e3, true, false, null], \"b\": \"x\\u00e9\\n\\\"\"} ");
        List<?> a = (List<?>) tree.get("a");
        assertEquals(new BigDecimal("1"), a.get(0));
        assertEquals(new BigDecimal("-2.5e3"), a.get(1));
        assertEquals(Boolean.TRUE, a.get(2));
        assertEquals(JsonReader.NULL, a.get(4));
        assertEquals("xé\n\"", tree.get("b"));
    }

    @Test
    void refusesWhatRfc8259Refuses() {
        refused("{\"a\":1,}");
        refused("[1,]");
        refused("[01]");
        refused("[1.]");
        refused("[NaN]");
        refused("{\"a\":1 \"b\":2}");
        refused("{'a':1}");
        refused("[\"tab\there\"]");
        refused("[1] [2]");
        refused("{\"a\":1,\"a\":2}");
        refused("");
    }

    @Test
    void wholeNumbersAreReadWithoutRounding() {
        JsonReader reader = new JsonReader("[0, 123456789012, -7, 1.5]");
        reader.beginArray();
        assertEquals(0, reader.nextLong());
        assertEquals(123_456_789_012L, reader.nextLong());
        assertEquals(-7, reader.nextLong());
        assertThrows(JsonException.class, reader::nextLong);
    }

    @Test
    void theWriterRoundTripsThroughTheReader() {
        String json = new JsonWriter(1).beginObject().name("s").value("a\"b\\c\u0001").name("n").value(-3)
                .name("list").beginArrayInline().value(true).nullValue().number("1.500000").endArray().endObject()
                .toString();
        Map<?, ?> tree = (Map<?, ?>) read(json);
        assertEquals("a\"b\\c\u0001", tree.get("s"));
        assertEquals(new BigDecimal("-3"), tree.get("n"));
        assertEquals(List.of(true, JsonReader.NULL, new BigDecimal("1.500000")), tree.get("list"));
    }
}
