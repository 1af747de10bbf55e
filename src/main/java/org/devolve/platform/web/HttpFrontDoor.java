package org.devolve.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.DatabaseState;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;
import org.jboss.logging.MDC;

/**
 * What every HTTP request passes first:
 * <ul>
 *   <li>it gets a request id (kept from a well-formed {@code X-Request-Id}, otherwise new), which is put in
 *       the logging context and echoed in the response;</li>
 *   <li>until the database schema is migrated at start-up, and while the database probe finds it gone, the
 *       API answers 503 at once (see {@code DatabaseState}); requests that meet an outage first are answered
 *       503 by {@code ProblemMapper};</li>
 *   <li>served over https (directly or, per the trusted proxy's headers, behind it), it gets HSTS;</li>
 *   <li>a NUL character or text that is not UTF-8 in its URI (percent-decoded) or a header is a 400;</li>
 *   <li>a body larger than {@code devolve.api.max-body-bytes} is refused with a 413 problem: before it is
 *       read when its {@code Content-Length} says so, and while it is read when it comes in chunks (the
 *       reading stops at the limit, so memory stays flat whatever the client sends).</li>
 * </ul>
 */
@ApplicationScoped
class HttpFrontDoor {

    static final String HSTS = "max-age=31536000; includeSubDomains";
    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    private final DatabaseState database;

    HttpFrontDoor(DevolveConfig config, DatabaseState database) {
        this.database = database;
        this.maxBodyBytes = config.api().maxBodyBytes();
        this.chunkedBodies =
                BodyHandler.create(false).setBodyLimit(maxBodyBytes).setPreallocateBodyBuffer(false);
    }

    void register(@Observes Filters filters) {
        filters.register(this::enter, 1000);
    }

    /** The body handler fails the request with 413 when a chunked body passes the limit: a problem too. */
    void failures(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                tooLarge(ctx.request());
            } else if (brokenFraming(ctx.failure())) {
                RawProblems.send(
                        ctx.request(),
                        PlatformProblem.MALFORMED_REQUEST,
                        "The request body's framing is broken",
                        null,
                        Map.of(),
                        true);
            } else {
                ctx.next();
            }
        });
    }

    /** A body that Netty could not decode (a bad chunk size, for one) fails its request with this. */
    private static boolean brokenFraming(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.netty.handler.codec.DecoderException
                    || t instanceof NumberFormatException
                    || t instanceof IllegalArgumentException
                            && t.getStackTrace().length > 0
                            && t.getStackTrace()[0].getClassName().startsWith("io.netty.")) {
                return true;
            }
        }
        return false;
    }

    private void enter(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.headers().set(RequestIds.HEADER, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        MDC.put(RequestIds.MDC_KEY, id);
        Metrics.template(ctx, Metrics.OTHER);
        if ("https".equalsIgnoreCase(request.scheme())) {
            // over TLS, or behind a proxy that says so (quarkus.http.proxy.proxy-address-forwarding)
            ctx.response().putHeader("Strict-Transport-Security", HSTS);
        }
        String uriProblem = RequestText.uriProblem(request.uri());
        if (uriProblem != null) {
            RawProblems.send(
                    request,
                    PlatformProblem.VALIDATION_FAILED,
                    uriProblem,
                    new Violation("uri", ViolationCode.INVALID_TEXT, uriProblem),
                    Map.of(),
                    false);
            return;
        }
        for (Map.Entry<String, String> header : request.headers()) {
            String headerProblem = RequestText.headerProblem(header.getValue());
            if (headerProblem != null) {
                RawProblems.send(
                        request,
                        PlatformProblem.VALIDATION_FAILED,
                        headerProblem,
                        new Violation(header.getKey(), ViolationCode.INVALID_TEXT, headerProblem),
                        Map.of(),
                        false);
                return;
            }
        }
        if (!database.ready() && ctx.normalizedPath().startsWith("/api/")) {
            // at once, rather than after a connection attempt that is bound to fail
            RawProblems.send(
                    request,
                    PlatformProblem.SERVICE_UNAVAILABLE,
                    database.migrated()
                            ? "The database cannot be reached just now; nothing was changed."
                                    + " Try again in a few seconds."
                            : "The service is starting and waits for its database; try again in a few seconds",
                    null,
                    Map.of("Retry-After", "5"),
                    false);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            tooLarge(request);
            return;
        }
        if (length == null && request.getHeader("Transfer-Encoding") != null) {
            chunkedBodies.handle(ctx);
            return;
        }
        ctx.next();
    }

    private void tooLarge(HttpServerRequest request) {
        RawProblems.send(
                request,
                PlatformProblem.PAYLOAD_TOO_LARGE,
                "The body may be at most " + maxBodyBytes + " bytes",
                null,
                Map.of(),
                true);
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
