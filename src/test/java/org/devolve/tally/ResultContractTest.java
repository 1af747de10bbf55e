package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.devolve.result.TallyView;
import org.devolve.tally.io.ResultJson;
import org.junit.jupiter.api.Test;

/**
 * The API serves the engine's result JSON byte for byte and describes it with {@link TallyView} in openapi.yaml: the
 * description must be the result. For results of every method, with every part a result can carry (details,
 * breakdown, counterfactuals, delegation, fragility, secrecy, quorum, threshold, protection), what ResultJson writes
 * reads strictly into TallyView (no member the contract does not name) and nothing is lost (the records, written back,
 * are the same JSON).
 */
class ResultContractTest {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void whatTheEngineWritesIsWhatTheContractDescribes() throws Exception {
        Random rnd = new Random(20261202);
        Set<String> partsSeen = new TreeSet<>();
        Set<Method> methodsSeen = EnumSet.noneOf(Method.class);
        for (int i = 0; i < 400; i++) {
            Method method = Method.values()[i % Method.values().length];
            RandomTallies.Shape shape = new RandomTallies.Shape();
            TallyInput.Builder b = RandomTallies.builder(rnd, method, shape);
            if (rnd.nextBoolean()) {
                b.quorum(rnd.nextInt(500_000), rnd.nextInt(5));
            }
            if (method == Method.APPROVE_REJECT) {
                switch (rnd.nextInt(4)) {
                    case 0 -> b.threshold(Threshold.TWO_THIRDS);
                    case 1 -> b.consent(1 + rnd.nextInt(1_000_000));
                    case 2 -> b.protection(Protection.majorityOfTopLevel());
                    default -> {}
                }
            }
            if (rnd.nextInt(3) == 0) {
                b.secret(1 + rnd.nextInt(5));
            }
            b.provenance("p-" + i, "h-" + i);
            TallyInput input = b.build();
            TallyResult result = Tally.count(input.secret() ? Tally.published(input) : input);
            String written = ResultJson.write(result);

            TallyView view = STRICT.readValue(written, TallyView.class);
            JsonNode original = withoutNulls(STRICT.readTree(written));
            assertEquals(original, STRICT.valueToTree(view), "the records keep every member: " + written);

            methodsSeen.add(method);
            original.fieldNames().forEachRemaining(partsSeen::add);
        }
        assertEquals(EnumSet.allOf(Method.class), methodsSeen);
        for (String part : new String[] {
            "details",
            "breakdown",
            "counterfactual",
            "anchored",
            "delegation",
            "fragility",
            "secrecy",
            "threshold",
            "protection",
            "winner",
            "ties"
        }) {
            assertTrue(partsSeen.contains(part), "some result carries " + part + ": " + partsSeen);
        }
    }

    /** ResultJson may write a null member; the records leave it out (NON_NULL). The same JSON otherwise. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    withoutNulls(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(ResultContractTest::withoutNulls);
        }
        return node;
    }
}
