package org.devolve.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.devolve.platform.config.DevolveConfig;

/**
 * Serves the web UI (built from {@code frontend/} into {@code META-INF/resources}) as a single-page app:
 * <ul>
 *   <li>{@code GET /config.json} tells the UI where to sign in: the Keycloak issuer and its public client;</li>
 *   <li>a deep link such as {@code /proposals/123} is answered with {@code index.html}, so that the UI's own
 *       router shows it. The API ({@code /api/**}), Quarkus' endpoints ({@code /q/**}) and files (a last
 *       path segment with a dot) are never rewritten: an unknown {@code /api/...} path still answers 404
 *       problem+json.</li>
 * </ul>
 */
@ApplicationScoped
class WebApp {

    static final String INDEX = "/index.html";
    private final String clientConfig;

    WebApp(DevolveConfig config) {
        DevolveConfig.Keycloak keycloak = config.keycloak();
        this.clientConfig = new JsonObject()
                .put("issuer", stripSlash(keycloak.url()) + "/realms/" + keycloak.realm())
                .put("clientId", keycloak.webClientId())
                .encode();
    }

    void routes(@Observes Router router) {
        router.get("/config.json")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-cache")
                        .end(clientConfig));
    }

    void fallback(@Observes Filters filters) {
        filters.register(
                ctx -> {
                    HttpMethod method = ctx.request().method();
                    String path = ctx.normalizedPath();
                    if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && isAppRoute(path)) {
                        ctx.response().putHeader("Cache-Control", "no-cache");
                        Metrics.template(ctx, Metrics.UI_ROUTE);
                        ctx.reroute(INDEX);
                        return;
                    }
                    if (path.equals("/") || path.equals(INDEX)) {
                        ctx.response().putHeader("Cache-Control", "no-cache");
                    }
                    ctx.next();
                },
                900);
    }

    /** A path of the UI's router: not the API, not Quarkus' own, not a file, not the root. */
    static boolean isAppRoute(String path) {
        if (path.equals("/") || isUnder(path, "/api") || isUnder(path, "/q")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    private static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
