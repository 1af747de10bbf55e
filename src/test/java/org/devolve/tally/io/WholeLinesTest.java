package org.devolve.tally.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.devolve.tally.Tally;
import org.junit.jupiter.api.Test;

/** Reads that end after a line feed hand out the same bytes, in order, whatever the stream underneath returns. */
class WholeLinesTest {

    /** A stream that returns at most a random few bytes a read, as a pipe or a socket may. */
    private static InputStream dribbling(byte[] bytes, Random rnd, int most) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(most)));
            }
        };
    }

    @Property(tries = 500)
    void theBytesAreTheSameAndEveryReadWithALineFeedEndsWithOne(@ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        byte[] bytes = new byte[rnd.nextInt(5000)];
        int lines = 1 + rnd.nextInt(300); // sometimes long lines, longer than a read or the carried tail
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = rnd.nextInt(lines) == 0 ? (byte) '\n' : (byte) rnd.nextInt(256);
        }
        InputStream in = new WholeLines(dribbling(bytes, rnd, 1 + rnd.nextInt(700)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 + rnd.nextInt(600)];
        while (true) {
            if (rnd.nextInt(10) == 0) {
                int c = in.read();
                if (c < 0) {
                    break;
                }
                out.write(c);
                continue;
            }
            int off = rnd.nextInt(buffer.length);
            int n = in.read(buffer, off, buffer.length - off);
            if (n < 0) {
                break;
            }
            int feeds = 0;
            for (int i = off; i < off + n; i++) {
                feeds += buffer[i] == '\n' ? 1 : 0;
            }
            if (feeds > 0 && out.size() + n < bytes.length) {
                assertEquals('\n', buffer[off + n - 1], "a read holding a line feed ends with one (seed " + seed + ")");
            }
            out.write(buffer, off, n);
        }
        assertArrayEquals(bytes, out.toByteArray(), "seed " + seed);
        assertEquals(-1, in.read());
    }

    @Test
    void everyReadButTheLastEndsALineWhenTheBufferHoldsOne() throws IOException {
        byte[] bytes = "{\"voter\":1},\n".repeat(200).getBytes(StandardCharsets.US_ASCII); // 14-byte lines
        InputStream source = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 30)); // every read of the source holds a line feed
            }
        };
        InputStream in = new WholeLines(source);
        byte[] buffer = new byte[64];
        int total = 0;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) > 0) {
            total += n;
            assertEquals('\n', buffer[n - 1], "a read ending inside a line, after " + total + " bytes");
        }
        assertEquals(bytes.length, total);
    }

    @Test
    void aLineLongerThanTheReadIsHandedOutWhole() throws IOException {
        byte[] bytes = "x".repeat(100).getBytes(StandardCharsets.US_ASCII);
        InputStream in = new WholeLines(new ByteArrayInputStream(bytes));
        byte[] buffer = new byte[64];
        assertEquals(64, in.read(buffer, 0, 64), "no line feed: nothing is held back");
    }

    @Test
    void skipAndAvailableCountTheCarriedBytes() throws IOException {
        byte[] bytes = "ab\ncdef".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new WholeLines(new ByteArrayInputStream(bytes));
        byte[] buffer = new byte[16];
        assertEquals(3, in.read(buffer, 0, 16), "up to the line feed; \"cdef\" is carried");
        assertEquals(4, in.available());
        assertEquals(2, in.skip(2));
        assertEquals('e', in.read());
        assertEquals(1, in.read(buffer, 0, 16));
        assertEquals(-1, in.read(buffer, 0, 16));
    }

    @Test
    void aDocumentReadInDribsCountsAsTheSameDocumentReadAtOnce() {
        StringBuilder doc = new StringBuilder("""
                {"version":1,"proposal":"p","method":"SINGLE_CHOICE","options":["A","B","C"],
                 "weighting":{"policy":"SQRT"},"groups":[{"id":"g","name":"tenants","suggestedLevel":3}],
                 "ballots":[
                """);
        Random rnd = new Random(7);
        int ballots = 6000; // ≈ 300 kB: several of jackson-core's reads, boundaries everywhere in a line
        for (int v = 0; v < ballots; v++) {
            doc.append(v == 0 ? "" : ",\n");
            doc.append("{\"voter\":\"v").append(v).append("\",\"stake\":").append(1 + rnd.nextInt(5));
            doc.append(",\"group\":\"g\",");
            if (v > 0 && rnd.nextInt(3) == 0) {
                doc.append("\"delegate\":\"v").append(rnd.nextInt(v)).append("\"}");
            } else {
                doc.append("\"choice\":").append(rnd.nextInt(3)).append('}');
            }
        }
        byte[] bytes = doc.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length > 4 * Json.READ_BUFFER);
        String atOnce = ResultJson.write(Tally.count(TallyDocument.fromJson(doc.toString())));
        String inDribs = ResultJson.write(Tally.count(TallyDocument.read(() -> dribbling(bytes, rnd, 97))));
        assertEquals(atOnce, inDribs);
        assertTrue(atOnce.contains("\"delegation\""), atOnce);
    }
}
