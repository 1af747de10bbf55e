import java.nio.file.Files;
import java.nio.file.Path;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.ResultJson;
import org.devolve.tally.io.TallyDocument;

/**
 * Where a recount's time goes: reading (parse, validate, resolve delegates), the explained count and writing the
 * result, timed apart, ROUNDS times in one JVM (the first round is the cold one the recount jar runs; later rounds
 * show the same work warm).
 * {@code java -cp target/devolve-recount.jar src/bench/RecountPhases.java target/bench-1m.json [ROUNDS]}
 */
public class RecountPhases {
    public static void main(String[] args) throws Exception {
        Path document = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            TallyInput in = TallyDocument.read(() -> Files.newInputStream(document));
            long read = System.nanoTime();
            TallyResult result = Tally.count(in);
            long counted = System.nanoTime();
            int length = ResultJson.write(result).length();
            long written = System.nanoTime();
            System.out.printf(
                    "round %d: read %d ms, count %d ms, write %d ms (%d characters)%n",
                    round, (read - start) / 1_000_000, (counted - read) / 1_000_000, (written - counted) / 1_000_000,
                    length);
        }
    }
}
