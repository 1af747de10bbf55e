package org.devolve.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the text a request carries outside its body: the path and query (percent-decoded) and header
 * values. A NUL character, or bytes that are not UTF-8 (overlong forms such as {@code %C0%AF}, encoded
 * surrogates), make the request malformed: no such text reaches a use case or the database.
 */
final class RequestText {

    private RequestText() {}

    /** Why the raw request URI is refused, or null when it is fine. */
    static String uriProblem(String uri) {
        if (uri == null) {
            return null;
        }
        byte[] bytes = new byte[uri.length()];
        int n = 0;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length() && hex(uri.charAt(i + 1)) >= 0 && hex(uri.charAt(i + 2)) >= 0) {
                bytes[n++] = (byte) (hex(uri.charAt(i + 1)) * 16 + hex(uri.charAt(i + 2)));
                i += 2;
            } else if (c > 0x7F || c == 0) {
                return c == 0
                        ? "The URI contains a NUL character"
                        : "The URI contains characters that are not percent-encoded";
            } else {
                bytes[n++] = (byte) c;
            }
        }
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return "The URI contains a NUL character";
            }
        }
        if (!isUtf8(bytes, n)) {
            return "The URI's percent-encoded text is not UTF-8";
        }
        return null;
    }

    /** Why a header value is refused, or null. */
    static String headerProblem(String value) {
        return value != null && value.indexOf('\0') >= 0 ? "A header contains a NUL character" : null;
    }

    static boolean isUtf8(byte[] bytes, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
