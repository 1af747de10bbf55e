package org.devolve.tally.io;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devolve.tally.BallotRules;
import org.devolve.tally.Method;
import org.devolve.tally.Stance;

/**
 * A ballot's content as JSON, from the engine's form of it ({@code [stance]}, {@code [choice]}, or the approvals,
 * scores, points per option, or ranking): the member of a tally document's ballot entry, and the canonical JSON
 * that a ballot's commitment in the ledger is computed over.
 */
public final class BallotJson {

    private BallotJson() {}

    /** The member name in a tally document: {@code choice} (stances and single choices), approvals, ... */
    public static String member(Method method) {
        String field = BallotRules.field(method);
        return field.equals("stance") ? "choice" : field;
    }

    /** Writes the ballot member ({@code "choice": "FOR"}, {@code "allocation": {"0": 3}}, ...). */
    static void member(JsonGenerator j, Method method, int options, int[] values) throws IOException {
        j.writeFieldName(member(method));
        switch (method) {
            case APPROVE_REJECT -> j.writeString(Stance.values()[values[0]].name());
            case SINGLE_CHOICE -> j.writeNumber(values[0]);
            case SPLIT, QUADRATIC -> {
                j.writeStartObject();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] > 0) {
                        j.writeNumberField(Integer.toString(i), values[i]);
                    }
                }
                j.writeEndObject();
            }
            default -> j.writeArray(values, 0, values.length);
        }
    }

    /**
     * The canonical JSON (RFC 8785) of the ballot as a one-member object, as a tally document holds it:
     * {@code {"choice":"FOR"}}, {@code {"approvals":[0,2]}}, {@code {"allocation":{"0":3,"2":1}}}.
     */
    public static String canonical(Method method, int[] values) {
        Object value;
        switch (method) {
            case APPROVE_REJECT -> value = Stance.values()[values[0]].name();
            case SINGLE_CHOICE -> value = (long) values[0];
            case SPLIT, QUADRATIC -> {
                Map<String, Object> points = new LinkedHashMap<>();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] > 0) {
                        points.put(Integer.toString(i), (long) values[i]);
                    }
                }
                value = points;
            }
            default -> {
                List<Long> list = new ArrayList<>(values.length);
                for (int v : values) {
                    list.add((long) v);
                }
                value = list;
            }
        }
        return CanonicalJson.write(Map.of(member(method), value));
    }
}
