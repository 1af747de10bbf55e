package org.devolve.platform.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.ProblemException;

/**
 * A position in a keyset-ordered list: the sort key and the id of the last item shown. Encoded as opaque
 * base64url text; clients must not build or read it.
 */
public record Cursor(String key, UUID id) {

    private static final String VERSION = "1";
    /** Cursors this service makes are short: a sort key of at most a few hundred characters and an id. */
    private static final int MAX_LENGTH = 2048;

    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        String raw = VERSION + ":" + id + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; a cursor that was not made here is a 400 problem. */
    public static Cursor decode(String text) {
        try {
            if (text.length() > MAX_LENGTH) {
                throw invalid();
            }
            String raw = strictUtf8(Base64.getUrlDecoder().decode(text));
            if (raw == null
                    || raw.indexOf('\0') >= 0
                    || !raw.startsWith(VERSION + ":")
                    || raw.length() < VERSION.length() + 38) {
                throw invalid();
            }
            UUID id = UUID.fromString(raw.substring(2, 38));
            if (raw.charAt(38) != ':') {
                throw invalid();
            }
            return new Cursor(raw.substring(39), id);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /**
     * The key, read as an instant (lists ordered by time); a key that is not one, or one outside
     * 1970..9999 (no list holds such a time, and PostgreSQL would read far ones as BC), is an invalid cursor.
     */
    public Instant instantKey() {
        return instant(key);
    }

    /** A cursor's key read as an instant: see {@link #instantKey()}. */
    static Instant instant(String key) {
        try {
            Instant at = Instant.parse(key);
            if (at.isBefore(Instant.EPOCH) || at.isAfter(LATEST)) {
                throw invalid();
            }
            return at;
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The text of a cursor's bytes when they are UTF-8 without a surrogate, or null. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static ProblemException invalid() {
        return ProblemException.of(
                PlatformProblem.INVALID_CURSOR, "The cursor is not one this service gave out; start again without it");
    }
}
