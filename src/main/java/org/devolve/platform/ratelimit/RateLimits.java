package org.devolve.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Rate limits on what costs: every write (POST, PUT, PATCH, DELETE) and the expensive reads (a proposal's
 * result, turnout, exports, ledger verification and export, live events). Each request of those draws one token from
 * two buckets, the member's and the client address's, for its kind; when either is empty the answer is
 * 429 problem+json with {@code Retry-After}. The limits ({@code devolve.rate-limits.*}) are per replica:
 * with N replicas behind a balancer a client may get up to N times as much (docs/deploy.md).
 *
 * <p>Runs after authentication (the member is known; an unauthenticated request never reaches it, and an
 * address cannot spend a member's budget with forged tokens). The buckets are kept in bounded memories
 * (least recently used dropped first), so that many addresses cannot grow them without bound.
 */
@ApplicationScoped
class RateLimits {

    private static final Pattern EXPENSIVE = Pattern.compile(
            "^/api/v1/proposals/[^/]+/(result|turnout|export\\.json|export\\.csv|ledger/verify|ledger/export|events)/?$");
    private static final int REMEMBERED = 50_000;

    enum Kind {
        WRITE,
        EXPENSIVE_READ
    }

    private final DevolveConfig.RateLimits config;
    private final Memory members = new Memory();
    private final Memory addresses = new Memory();

    /** Already established when this filter runs: every API endpoint needs the member role. */
    private final SecurityIdentity identity;

    RateLimits(DevolveConfig config, SecurityIdentity identity) {
        this.config = config.rateLimits();
        this.identity = identity;
    }

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER + 100)
    void limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!config.enabled()) {
            return;
        }
        Kind kind = kindOf(request.getMethod(), http.path());
        if (kind == null) {
            return;
        }
        DevolveConfig.RateLimits.Limit limit = kind == Kind.WRITE ? config.writes() : config.expensiveReads();
        String address =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // the member's first: a member who is over their limit does not spend what their address has left
        if (identity != null && !identity.isAnonymous()) {
            check(
                    members.bucket(kind + "|" + identity.getPrincipal().getName(), limit.perMember(), limit.period()),
                    "you");
        }
        check(addresses.bucket(kind + "|" + address, limit.perAddress(), limit.period()), "this address");
    }

    static Kind kindOf(String method, String path) {
        switch (method) {
            case "POST", "PUT", "PATCH", "DELETE":
                return Kind.WRITE;
            case "GET", "HEAD":
                return EXPENSIVE.matcher(path).matches() ? Kind.EXPENSIVE_READ : null;
            default:
                return null;
        }
    }

    private static void check(Bucket bucket, String who) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw ProblemException.of(
                            PlatformProblem.TOO_MANY_REQUESTS,
                            "Too many requests of this kind from " + who + "; try again in " + seconds + " s")
                    .with("retryAfterSeconds", seconds);
        }
    }

    /** Buckets by key, at most {@link #REMEMBERED} of them. */
    private static final class Memory {
        private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > REMEMBERED;
            }
        };

        synchronized Bucket bucket(String key, long capacity, Duration period) {
            return buckets.computeIfAbsent(
                    key,
                    k -> Bucket.builder()
                            .addLimit(Bandwidth.builder()
                                    .capacity(capacity)
                                    .refillGreedy(capacity, period)
                                    .build())
                            .build());
        }
    }
}
