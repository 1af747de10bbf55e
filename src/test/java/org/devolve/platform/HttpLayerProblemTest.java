package org.devolve.platform;

import static org.devolve.testing.People.ALICE;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.devolve.testing.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The answers the HTTP layer gives itself, before any endpoint: oversized or malformed requests, chunked
 * bodies over the limit, NUL characters and broken UTF-8 in the URI or a header. Each is a problem+json.
 */
@QuarkusTest
class HttpLayerProblemTest {

    @TestHTTPResource("/")
    URL root;

    private int port() {
        return root.getPort();
    }

    private String get(String target, String extraHeaders) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + BOB.token() + "\r\n"
                + extraHeaders + "\r\n";
    }

    @Test
    void headersOverTheLimitAre431Problem() {
        RawHttp.Answer answer = RawHttp.send(port(), get("/api/v1/me", "X-Big: " + "a".repeat(40_000) + "\r\n"));
        assertEquals(431, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertTrue(answer.body().contains("\"code\":\"HEADERS_TOO_LARGE\""), answer.body());
    }

    @Test
    void aRequestLineOverTheLimitIs414Problem() {
        RawHttp.Answer answer = RawHttp.send(port(), get("/api/v1/members?q=" + "a".repeat(10_000), ""));
        assertEquals(414, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertTrue(answer.body().contains("URI_TOO_LONG"), answer.body());
    }

    @Test
    void malformedFramingIs400Problem() {
        for (String broken : new String[] {
            "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n",
            "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
            "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "G\u0001T /api/v1/me HTTP/1.1\r\nHost: localhost\r\n\r\n"
        }) {
            RawHttp.Answer answer = RawHttp.send(port(), broken);
            assertEquals(400, answer.status(), broken);
            assertTrue(answer.isProblem(), broken + " -> " + answer);
        }
    }

    @Test
    void aBodyWhoseChunksBreakEndsTheConnectionWithoutAnAnswerThatIsNotAProblem() {
        // Vert.x closes the connection as soon as a chunk cannot be decoded; whatever arrives is a problem
        String broken = "POST /api/v1/circles HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n";
        try {
            RawHttp.Answer answer = RawHttp.send(port(), broken);
            assertTrue(answer.isProblem() && answer.status() == 400, answer.toString());
        } catch (IllegalStateException closedWithoutAnswer) {
            assertTrue(closedWithoutAnswer.getMessage().startsWith("no answer"));
        }
        as(BOB).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAndIsNotReadToTheEnd() {
        StringBuilder request = new StringBuilder("POST /api/v1/circles HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + ALICE.token() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 8; i++) {
            request.append(Integer.toHexString(chunk.length()))
                    .append("\r\n")
                    .append(chunk)
                    .append("\r\n");
        }
        request.append("0\r\n\r\n");
        RawHttp.Answer answer = RawHttp.send(port(), request.toString());
        assertEquals(413, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
        assertTrue(answer.body().contains("PAYLOAD_TOO_LARGE"), answer.body());
    }

    @Test
    void aChunkedBodyUnderTheLimitIsRead() {
        String json = "{\"name\":\"Chunked circle " + System.nanoTime() + "\",\"kind\":\"CITY\"}";
        String request = "POST /api/v1/circles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ALICE.token()
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + json.substring(0, 10) + "\r\n"
                + Integer.toHexString(json.length() - 10) + "\r\n" + json.substring(10) + "\r\n0\r\n\r\n";
        RawHttp.Answer answer = RawHttp.send(port(), request.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, answer.status(), answer.toString());
        assertTrue(answer.body().contains("Chunked circle"), answer.body());
    }

    @Test
    void aNulInThePathQueryOrAHeaderIs400() {
        as(BOB).urlEncodingEnabled(false)
                .get("/api/v1/members?q=a%00b")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
        as(BOB).urlEncodingEnabled(false)
                .get("/api/v1/members/%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as(BOB).urlEncodingEnabled(false)
                .get("/api/v1/proposals/abc%00def/result")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        RawHttp.Answer answer = RawHttp.send(port(), get("/api/v1/me", "If-None-Match: a\u0000b\r\n"));
        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.isProblem(), answer.toString());
    }

    @Test
    void brokenUtf8InTheUriIs400() {
        for (String bad : new String[] {"%C0%AF", "%ED%A0%80", "%FF", "%E2%82"}) {
            as(BOB).urlEncodingEnabled(false)
                    .get("/api/v1/members?q=" + bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        as(BOB).urlEncodingEnabled(false).get("/api/v1/members?q=%C3%A9").then().statusCode(200);
    }
}
