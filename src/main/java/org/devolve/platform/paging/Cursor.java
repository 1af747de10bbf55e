package org.devolve.platform.paging;

import java.nio.charset.StandardCharsets;
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

    public String encode() {
        String raw = VERSION + ":" + id + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; a cursor that was not made here is a 400 problem. */
    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            if (!raw.startsWith(VERSION + ":") || raw.length() < VERSION.length() + 38) {
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

    /** The key, read as an instant (lists ordered by time); a key that is not one is an invalid cursor. */
    public java.time.Instant instantKey() {
        try {
            return java.time.Instant.parse(key);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.of(PlatformProblem.INVALID_CURSOR,
                "The cursor is not one this service gave out; start again without it");
    }
}
