import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Writes a SINGLE_CHOICE tally document with N ballots (SQRT weighting, three groups, 30% of the
 * participants delegating instead of voting) to standard output, for the recount benchmark:
 * {@code java src/bench/GenerateTallyDocument.java 1000000 > target/bench-1m.json}
 */
public class GenerateTallyDocument {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Random rnd = new Random(7);
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20);
        out.write("{\n  \"version\": 1,\n  \"proposal\": \"bench\",\n  \"method\": \"SINGLE_CHOICE\",\n"
                + "  \"options\": [\"A\",\"B\",\"C\",\"D\",\"E\"],\n  \"weighting\": {\"policy\":\"SQRT\"},\n"
                + "  \"quorum\": {\"turnout\":\"0.300000\",\"headcount\":100},\n"
                + "  \"breakdown\": {\"secret\":true,\"minCellVoters\":5},\n"
                + "  \"groups\": [{\"id\":\"g0\",\"name\":\"tenants\",\"suggestedLevel\":4},"
                + "{\"id\":\"g1\",\"name\":\"street\",\"suggestedLevel\":2},{\"id\":\"g2\",\"name\":\"city\",\"suggestedLevel\":1}],\n"
                + "  \"ballots\": [\n");
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder(96);
            b.append("    {\"voter\":\"v").append(i).append("\",\"stake\":").append(1 + rnd.nextInt(5))
                    .append(",\"group\":\"g").append(rnd.nextInt(3)).append('"');
            if (i > 0 && rnd.nextInt(10) < 3) {
                b.append(",\"delegate\":\"v").append(rnd.nextInt(i)).append('"');
            } else {
                b.append(",\"choice\":").append(rnd.nextInt(5));
            }
            b.append(i + 1 < n ? "},\n" : "}\n");
            out.write(b.toString());
        }
        out.write("  ]\n}\n");
        out.flush();
    }
}
