package org.devolve.platform.web;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.vertx.core.Handler;
import io.vertx.core.Verticle;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.impl.Deployment;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.lang.reflect.Field;
import java.util.Map;
import org.devolve.platform.problem.PlatformProblem;
import org.jboss.logging.Logger;

/**
 * Requests that Netty cannot even decode (a request line or headers over the limits, broken framing) never
 * reach the router: Vert.x answers them with its invalid-request handler, an empty 400, 414 or 431. This
 * class puts in a handler that answers the same statuses as problem+json.
 *
 * <p>Quarkus creates and starts the HTTP servers itself and offers no way to set that handler before they
 * listen, and Vert.x reads it when a server starts listening. So, once the servers listen, it is put into
 * each server's connection handler by reflection (Vert.x 4.5: {@code HttpServerImpl} → its
 * {@code HttpServerWorker} → {@code HttpServerConnectionHandler.invalidRequestHandler}). Should Vert.x
 * change shape, the default empty answers come back and {@code HttpLayerProblemTest} fails; a warning says so.
 */
@ApplicationScoped
class InvalidRequests {

    private static final Logger LOG = Logger.getLogger(InvalidRequests.class);
    static final Handler<HttpServerRequest> ANSWER = InvalidRequests::answer;

    private final Vertx vertx;

    InvalidRequests(Vertx vertx) {
        this.vertx = vertx;
    }

    void httpStarted(@ObservesAsync HttpServerStart start) {
        installSoon();
    }

    void httpsStarted(@ObservesAsync HttpsServerStart start) {
        installSoon();
    }

    /** Servers of all event loops start one after the other: install now and again shortly after. */
    private void installSoon() {
        install();
        vertx.setTimer(300, t -> install());
        vertx.setTimer(3000, t -> install());
    }

    synchronized void install() {
        int patched = 0;
        try {
            VertxInternal internal = (VertxInternal) vertx;
            for (String id : vertx.deploymentIDs()) {
                Deployment deployment = internal.getDeployment(id);
                if (deployment == null) {
                    continue;
                }
                for (Verticle verticle : deployment.getVerticles()) {
                    if (!verticle.getClass().getName().endsWith("VertxHttpRecorder$WebDeploymentVerticle")) {
                        continue;
                    }
                    for (String server : new String[] {"httpServer", "httpsServer"}) {
                        Object httpServer = read(verticle, verticle.getClass(), server);
                        if (httpServer != null && patch(httpServer)) {
                            patched++;
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Malformed requests will be answered without a problem body: %s", e.toString());
            return;
        }
        LOG.debugf("Invalid-request handler set on %d HTTP server(s)", patched);
    }

    private static boolean patch(Object httpServer) throws ReflectiveOperationException {
        Object worker = read(httpServer, Class.forName("io.vertx.core.net.impl.TCPServerBase"), "childHandler");
        if (worker == null) {
            return false;
        }
        Object connections = read(worker, worker.getClass(), "connectionHandler");
        if (connections == null) {
            return false;
        }
        Field field = connections.getClass().getDeclaredField("invalidRequestHandler");
        field.setAccessible(true);
        if (field.get(connections) == ANSWER) {
            return false;
        }
        field.set(connections, ANSWER);
        return true;
    }

    private static Object read(Object target, Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    static void answer(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            RawProblems.send(
                    request,
                    PlatformProblem.URI_TOO_LONG,
                    "The request line may be at most a few kilobytes long",
                    null,
                    Map.of(),
                    true);
        } else if (cause instanceof TooLongHttpHeaderException) {
            RawProblems.send(
                    request,
                    PlatformProblem.HEADERS_TOO_LARGE,
                    "The request headers are larger than this service accepts",
                    null,
                    Map.of(),
                    true);
        } else {
            RawProblems.send(
                    request,
                    PlatformProblem.MALFORMED_REQUEST,
                    "The request could not be read as HTTP",
                    null,
                    Map.of(),
                    true);
        }
    }
}
