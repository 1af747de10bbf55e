import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor under the recount jar's reading: jackson-core (the one the jar shades) tokenizing a tally document and
 * touching every string, nothing else, in a fresh JVM. Whatever the reader does per ballot comes on top. ROUNDS
 * (default 1) tokenizes it again in the same JVM: the first round is the cold one a recount pays, later ones show
 * jackson-core warm.
 * {@code java -cp target/devolve-recount.jar src/bench/JacksonFloor.java target/bench-1m.json [ROUNDS]}
 */
public class JacksonFloor {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            long tokens = 0;
            long chars = 0;
            try (JsonParser p = new JsonFactory().createParser(Files.newInputStream(Path.of(args[0])))) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    tokens++;
                    if (t == JsonToken.VALUE_STRING) {
                        chars += p.getTextLength();
                    }
                }
            }
            System.out.printf(
                    "%s%d tokens, %d string chars: %d ms%n",
                    rounds > 1 ? "round " + round + ": " : "", tokens, chars, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
