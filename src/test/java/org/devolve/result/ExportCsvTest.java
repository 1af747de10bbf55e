package org.devolve.result;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.devolve.tally.Method;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/**
 * The CSV export (issue 10): it tells a ballot that approves nothing from no ballot, loses nothing a recount
 * needs, and does not let text people wrote run as a spreadsheet formula.
 */
@QuarkusTest
class ExportCsvTest {

    @Test
    void theCsvRecountsToTheResultAndAnEmptyBallotIsNotNoBallot() {
        ProposalFixture.Made p = aProposal()
                .by(BOB)
                .withMembers(DAVE)
                .choosingBetween("APPROVAL", "A", "B", "C")
                .affecting("=HYPERLINK(\"http://evil.example\",\"click\")", 3)
                .inVotingWith(Map.of(BOB, 3, CAROL, 2, DAVE, 1));
        String at = "/api/v1/proposals/" + p.id();
        as(BOB).body(Map.of("approvals", List.of(0, 2)))
                .put(at + "/ballot")
                .then()
                .statusCode(201);
        as(CAROL)
                .body(Map.of("approvals", List.of()))
                .put(at + "/ballot")
                .then()
                .statusCode(201); // approves nothing
        // Dave does not vote
        as(CAROL).body(Map.of("phase", "CLOSED")).post(at + "/phase").then().statusCode(200);
        String csv = as(DAVE).accept("text/csv")
                .get(at + "/export.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String json = as(DAVE).get(at + "/export.json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String result =
                as(DAVE).get(at + "/result").then().statusCode(200).extract().path("resultSha256");

        List<List<String>> rows = parse(csv);
        assertEquals(
                List.of(
                        "voter",
                        "voter_name",
                        "stake",
                        "group",
                        "group_name",
                        "weight",
                        "lower_to",
                        "delegate",
                        "via",
                        "voted",
                        "ballot"),
                rows.get(0));
        long emptyBallots = rows.stream()
                .skip(1)
                .filter(r -> r.get(9).equals("yes") && r.get(10).isEmpty())
                .count();
        long noBallots =
                rows.stream().skip(1).filter(r -> r.get(9).equals("no")).count();
        assertEquals(1, emptyBallots, csv);
        assertEquals(1, noBallots, csv);
        assertTrue(
                rows.stream().skip(1).allMatch(r -> r.get(4).startsWith("'=HYPERLINK")),
                "the formula is neutralised: " + csv);

        // Recount from the CSV's rows and the document's header: the same result, byte for byte.
        TallyInput header = TallyDocument.fromJson(json);
        TallyInput.Builder b = TallyInput.builder(Method.APPROVAL, header.options())
                .weighting(header.weighting())
                .quorum(header.quorumPpm(), header.quorumHeadcount())
                .provenance(header.proposal(), header.ledgerHead());
        for (int g = 0; g < header.groupCount(); g++) {
            b.group(header.groupId(g), header.groupName(g), header.groupLevel(g));
        }
        for (List<String> r : rows.subList(1, rows.size())) {
            b.voter(r.get(0), Integer.parseInt(r.get(2)), r.get(3));
            if (!r.get(7).isEmpty()) {
                b.delegatesTo(r.get(7));
            }
            if (r.get(9).equals("yes")) {
                b.approves(
                        r.get(10).isEmpty()
                                ? new int[0]
                                : Arrays.stream(r.get(10).split(";"))
                                        .mapToInt(Integer::parseInt)
                                        .toArray());
            }
        }
        String recount = ResultJson.write(Tally.count(b.build()));
        assertEquals(result, LedgerReplay.sha256(recount), "the CSV recounts to the result");
    }

    /** RFC 4180: fields quoted with doubled quotes; CRLF between records. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++; // \n
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
