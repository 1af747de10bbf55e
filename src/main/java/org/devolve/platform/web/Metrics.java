package org.devolve.platform.web;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code uri} tag of the HTTP metrics. Quarkus tags a request by the template of the endpoint that
 * answered it ({@code /api/v1/proposals/{proposal}}); a request that no endpoint answered would be tagged by
 * its raw path, so that anyone could create series without end (and blind the metrics once the registry's
 * limit is reached). Every request therefore starts with the template {@link #OTHER}; deep links of the web
 * UI get {@link #UI_ROUTE}; an endpoint that answers replaces it with its own.
 */
final class Metrics {

    /** The request context key Quarkus REST and Micrometer use for the route template. */
    private static final String TEMPLATE = "UrlPathTemplate";

    static final String OTHER = "/{unmatched}";
    static final String UI_ROUTE = "/{ui-route}";

    private Metrics() {}

    static void template(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal internal && internal.context() != null) {
            internal.context().putLocal(TEMPLATE, template);
        }
    }
}
