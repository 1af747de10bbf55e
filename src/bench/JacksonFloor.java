import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor under the recount jar's reading: jackson-core (the one the jar shades) tokenizing a tally document and
 * touching every string, nothing else, in a fresh JVM. Whatever the reader does per ballot comes on top.
 * {@code java -cp target/devolve-recount.jar src/bench/JacksonFloor.java target/bench-1m.json}
 */
public class JacksonFloor {
    public static void main(String[] args) throws Exception {
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
        System.out.printf("%d tokens, %d string chars: %d ms%n", tokens, chars, (System.nanoTime() - start) / 1_000_000);
    }
}
