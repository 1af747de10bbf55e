package org.devolve.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;
import org.junit.jupiter.api.Test;

class TallyDocumentTest {

    private static final String HEADER = "{\"version\":1,\"method\":\"SINGLE_CHOICE\",\"options\":[\"A\",\"B\"],"
            + "\"weighting\":{\"policy\":\"LINEAR\"},\"groups\":[{\"id\":\"g\",\"name\":\"g\",\"suggestedLevel\":1}],";

    private static Reason refusal(String json) {
        return assertThrows(InvalidTallyException.class, () -> TallyDocument.fromJson(json))
                .violations()
                .get(0)
                .reason();
    }

    @Test
    void aDocumentReadsIntoTheSameTallyAsTheBuilder() {
        TallyInput read = TallyDocument.fromJson(HEADER
                + "\"ballots\":[{\"voter\":\"ana\",\"stake\":3,\"group\":\"g\",\"choice\":1},"
                + "{\"voter\":\"bo\",\"stake\":2,\"group\":\"g\",\"delegate\":\"ana\"}]}");
        TallyInput built = Proposal.singleChoice("A", "B")
                .inGroup("g", 1)
                .voter("ana", 3)
                .chooses(1)
                .voter("bo", 2)
                .delegatesTo("ana")
                .input();
        assertEquals(TallyDocument.toJson(built), TallyDocument.toJson(read));
        assertEquals(List.of(0L, Proposal.units("5")), Tally.count(read).totals());
    }

    @Test
    void ballotsMayComeBeforeTheHeader() {
        TallyInput read = TallyDocument.fromJson("{\"ballots\":[{\"voter\":\"ana\",\"stake\":3,\"group\":\"g\","
                + "\"choice\":1}]," + HEADER.substring(1, HEADER.length() - 1) + "}");
        assertEquals(1, Tally.count(read).winner());
    }

    @Test
    void malformedJsonIsRefused() {
        assertEquals(Reason.MALFORMED_JSON, refusal("{\"version\":1,"));
        assertEquals(Reason.MALFORMED_JSON, refusal(HEADER + "\"ballots\":[],}"));
        assertEquals(Reason.MALFORMED_JSON, refusal(HEADER + "\"ballots\":[]} trailing"));
        assertEquals(Reason.MALFORMED_JSON, refusal("{\"version\":1,\"version\":1}"));
        assertEquals(Reason.MALFORMED_JSON, refusal(HEADER + "\"ballots\":[{\"voter\":\"a\",\"stake\":01}]}"));
    }

    @Test
    void unknownMembersAreRefusedNotIgnored() {
        assertEquals(Reason.FIELD_INVALID, refusal(HEADER + "\"ballots\":[], \"extra\":true}"));
        assertEquals(
                Reason.FIELD_INVALID,
                refusal(HEADER + "\"ballots\":[{\"voter\":\"a\",\"stake\":1,\"group\":\"g\",\"colour\":\"red\"}]}"));
    }

    @Test
    void aWeightIsADecimalString() {
        assertEquals(
                Reason.FIELD_INVALID,
                refusal(HEADER + "\"ballots\":[{\"voter\":\"a\",\"stake\":1,\"group\":\"g\",\"weight\":1}]}"));
        assertEquals(
                Reason.WEIGHT_INVALID,
                refusal(HEADER
                        + "\"ballots\":[{\"voter\":\"a\",\"stake\":1,\"group\":\"g\",\"weight\":\"1.0000001\"}]}"));
        assertEquals(
                Reason.WEIGHT_MISMATCH,
                refusal(HEADER + "\"ballots\":[{\"voter\":\"a\",\"stake\":1,\"group\":\"g\",\"weight\":\"2\"}]}"));
    }

    @Test
    void anApproveRejectChoiceIsAStance() {
        String header = "{\"version\":1,\"method\":\"APPROVE_REJECT\",\"weighting\":{\"policy\":\"EQUAL\"},"
                + "\"groups\":[{\"id\":\"g\",\"suggestedLevel\":1}],\"ballots\":[{\"voter\":\"a\",\"stake\":1,"
                + "\"group\":\"g\",\"choice\":";
        assertEquals(Reason.STANCE_UNKNOWN, refusal(header + "\"MAYBE\"}]}"));
        assertEquals(Reason.STANCE_UNKNOWN, refusal(header + "0}]}"));
        assertEquals(
                TallyResult.Outcome.ADOPTED,
                Tally.count(TallyDocument.fromJson(header + "\"FOR\"}]}")).outcome());
    }

    @Test
    void anAllocationMapsOptionIndicesToPoints() {
        String doc =
                "{\"version\":1,\"method\":\"SPLIT\",\"options\":[\"A\",\"B\"],\"weighting\":{\"policy\":\"LINEAR\"},"
                        + "\"groups\":[{\"id\":\"g\",\"suggestedLevel\":1}],\"ballots\":[{\"voter\":\"a\",\"stake\":4,"
                        + "\"group\":\"g\",\"allocation\":{\"1\":3,\"0\":1}}]}";
        assertEquals(
                List.of(Proposal.units("1"), Proposal.units("3")),
                Tally.count(TallyDocument.fromJson(doc)).totals());
        assertEquals(Reason.OPTION_UNKNOWN, refusal(doc.replace("\"1\":3", "\"2\":3")));
        assertEquals(Reason.OPTION_UNKNOWN, refusal(doc.replace("\"1\":3", "\"x\":3")));
    }

    @Test
    void theVersionMustBeOne() {
        assertEquals(
                Reason.VERSION_UNSUPPORTED,
                refusal(HEADER.replace("\"version\":1", "\"version\":2") + "\"ballots\":[]}"));
    }

    @Test
    void theResultIsJsonWithSixDecimalTotals() {
        TallyResult result = Proposal.singleChoice("A", "B")
                .weighted(Weighting.sqrt())
                .voter("ana", 2)
                .chooses(0)
                .count();
        String json = ResultJson.write(result);
        assertEquals(List.of("1.414214", "0.000000"), JsonTrees.object(json).get("totals"), json);
    }
}
