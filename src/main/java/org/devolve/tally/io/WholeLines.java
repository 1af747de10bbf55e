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
    /** The bytes after the last line feed of the latest read, {@code carry[start, start + carried)}: no line feed. */
    private byte[] carry = new byte[256];

    private int start;
    private int carried;

    WholeLines(InputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = Math.min(carried, len);
        System.arraycopy(carry, start, b, off, n);
        start += n;
        carried -= n;
        if (carried > 0 || n == len) {
            return n; // asked for no more than is carried: these bytes hold no line feed, nothing to cut
        }
        // the carried bytes begin a line: fill the rest from the source, then cut after the last line feed
        int r = in.read(b, off + n, len - n);
        if (r < 0) {
            return n == 0 ? -1 : n;
        }
        n += r;
        int last = off + n - 1;
        while (last >= off && b[last] != '\n') {
            last--;
        }
        if (last < off || last == off + n - 1) {
            return n; // no line feed, or it ends the bytes read: hand them all out
        }
        int tail = off + n - 1 - last; // nothing is carried at this point: the tail is all there is to keep
        if (tail > carry.length) {
            carry = new byte[Math.max(carry.length * 2, tail)];
        }
        System.arraycopy(b, last + 1, carry, 0, tail);
        start = 0;
        carried = tail;
        return last + 1 - off;
    }

    @Override
    public int read() throws IOException {
        if (carried > 0) {
            carried--;
            return carry[start++] & 0xFF;
        }
        return in.read();
    }

    @Override
    public long skip(long n) throws IOException {
        if (carried == 0) {
            return in.skip(n);
        }
        int skipped = (int) Math.max(0, Math.min(n, carried));
        start += skipped;
        carried -= skipped;
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
