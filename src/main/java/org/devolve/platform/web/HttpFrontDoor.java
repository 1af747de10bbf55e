package org.devolve.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.PlatformProblem;
import org.jboss.logging.MDC;

/**
 * What every HTTP request passes first: it gets a request id (kept from a well-formed
 * {@code X-Request-Id}, otherwise new), which is put in the logging context and echoed in the response;
 * and a body larger than {@code devolve.api.max-body-bytes} is refused with a problem before it is read.
 */
@ApplicationScoped
class HttpFrontDoor {

    private final long maxBodyBytes;

    HttpFrontDoor(DevolveConfig config) {
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
            ctx.request().headers().set(RequestIds.HEADER, id);
            ctx.response().putHeader(RequestIds.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                PlatformProblem code = PlatformProblem.PAYLOAD_TOO_LARGE;
                JsonObject body = new JsonObject()
                        .put("type", code.type())
                        .put("title", code.title())
                        .put("status", code.status())
                        .put("detail", "The body may be at most " + maxBodyBytes + " bytes")
                        .put("instance", ctx.request().path())
                        .put("code", code.name())
                        .put("requestId", id);
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end(body.encode());
                return;
            }
            ctx.next();
        }, 1000);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
