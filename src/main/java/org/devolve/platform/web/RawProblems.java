package org.devolve.platform.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.devolve.platform.problem.ProblemCode;
import org.devolve.platform.problem.Violation;

/**
 * Problems answered below JAX-RS, by the HTTP layer itself (oversized or malformed requests, limits): the
 * same RFC 9457 document as {@code ProblemMapper} writes, built without the REST machinery.
 */
public final class RawProblems {

    private RawProblems() {}

    /**
     * Ends the response with the problem. {@code close} asks the client to close the connection (for a
     * request whose rest cannot be trusted or is not read). {@code violation} may be null.
     */
    public static void send(
            HttpServerRequest request,
            ProblemCode code,
            String detail,
            Violation violation,
            Map<String, String> headers,
            boolean close) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.headWritten()) {
            if (close) {
                request.connection().close();
            }
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", code.type())
                .put("title", code.title())
                .put("status", code.status())
                .put("detail", detail);
        String path = pathOf(request);
        if (path != null) {
            body.put("instance", path);
        }
        body.put("code", code.name());
        String id = RequestIds.of(request);
        if (id != null) {
            body.put("requestId", id);
        }
        if (violation != null) {
            body.put(
                    "errors",
                    new JsonArray()
                            .add(new JsonObject()
                                    .put("field", violation.field())
                                    .put("code", violation.code().name())
                                    .put("message", violation.message())));
        }
        response.setStatusCode(code.status()).putHeader("Content-Type", "application/problem+json");
        if (id != null) {
            response.putHeader(RequestIds.HEADER, id);
        }
        headers.forEach(response::putHeader);
        if (close) {
            response.putHeader("Connection", "close");
        }
        response.end(body.encode());
    }

    /** The path, when it is short and readable enough to echo (not for a request refused for its URI). */
    private static String pathOf(HttpServerRequest request) {
        try {
            String path = request.path();
            return path == null || path.length() > 512 || path.indexOf('\0') >= 0 || path.contains("%00") ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
