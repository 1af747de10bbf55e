package org.devolve.tally.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream whose reads end after a line feed wherever the bytes read hold one: the bytes after the last line
 * feed are kept and handed out first by the next read. Any stream may return fewer bytes than asked, so a parser
 * reads the same document; what changes is where its buffer ends. A tally document is written one ballot a line, so
 * jackson-core's buffer then ends between two ballots rather than inside a name, a number or a string, whose
 * "the buffer ends here" branches would otherwise be taken a few times in a million, each time throwing the
 * compiled parser back to the interpreter to be compiled again (seen in {@code -XX:+LogCompilation} as
 * {@code unstable_if} traps in {@code nextFieldName}, ≈ 0.13 s of C2 and a slow stretch of the reader per run).
 * Nobody else does this for us: it is a property of how our documents are laid out.
 */
final class WholeLines extends FilterInputStream {
    private byte[] carry = new byte[256];
    private int carried;

    WholeLines(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = Math.min(carried, len);
        System.arraycopy(carry, 0, b, off, n);
        System.arraycopy(carry, n, carry, 0, carried - n);
        carried -= n;
        if (n < len) {
            int r = in.read(b, off + n, len - n);
            if (r < 0) {
                return n == 0 ? -1 : n;
            }
            n += r;
        }
        int last = off + n - 1;
        while (last >= off && b[last] != '\n') {
            last--;
        }
        if (last < off || last == off + n - 1) {
            return n; // no line feed, or it ends the bytes read: hand them all out
        }
        int tail = off + n - 1 - last;
        if (carried + tail > carry.length) {
            byte[] grown = new byte[Math.max(carry.length * 2, carried + tail)];
            System.arraycopy(carry, 0, grown, 0, carried);
            carry = grown;
        }
        System.arraycopy(carry, 0, carry, tail, carried);
        System.arraycopy(b, last + 1, carry, 0, tail);
        carried += tail;
        return last + 1 - off;
    }

    @Override
    public int read() throws IOException {
        if (carried > 0) {
            int c = carry[0] & 0xFF;
            System.arraycopy(carry, 1, carry, 0, --carried);
            return c;
        }
        return in.read();
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return carried + in.available();
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
