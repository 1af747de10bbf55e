package org.devolve.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.database.UntilMigrated;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries that are due, on every replica, at least once, and never inside a transaction that holds a
 * lock while it waits for a receiver:
 * <ol>
 *   <li>a short transaction claims due deliveries ({@code claim}, {@code claimed_until}: a lease of the timeout and
 *       30 s) and counts the attempt; a replica that dies in flight leaves the lease to expire, and the delivery is
 *       sent again;</li>
 *   <li>each one is sent on a thread of its own (at most {@code devolve.webhooks.max-in-flight} per replica), the
 *       URL checked and resolved again ({@link Targets}) and the request made to the very address checked (the
 *       host still names the URL's host, for the Host header, SNI and the certificate), bounded by
 *       {@code devolve.webhooks.timeout};</li>
 *   <li>a second short transaction records the outcome under the same claim: delivered (a 2xx), or due again after
 *       a back-off that doubles from {@code retry-initial} up to {@code retry-max}, less a random quarter at most
 *       ({@link #backoff(Duration, Duration, int, double)}), or given up (FAILED) once the next attempt would fall
 *       after {@code give_up_at}.</li>
 * </ol>
 * Each round takes at most four deliveries of one endpoint, and none of an endpoint that still has some in flight,
 * so a slow or dead receiver holds up only its own deliveries. Redirects are not followed.
 */
@ApplicationScoped
class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int PER_ENDPOINT = 4;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final int ERROR_LENGTH = 500;

    private final EntityManager em;
    private final WebhookSecrets secrets;
    private final Targets targets;
    private final Clock clock;
    private final DevolveConfig.Webhooks config;
    private final HttpClient http;
    private final ExecutorService threads;
    private final Semaphore slots;

    WebhookSender(
            EntityManager em, WebhookSecrets secrets, Targets targets, Clock clock, DevolveConfig config, Vertx vertx) {
        this.em = em;
        this.secrets = secrets;
        this.targets = targets;
        this.clock = clock;
        this.config = config.webhooks();
        int timeout = Math.toIntExact(this.config.timeout().toMillis());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setForceSni(true)
                .setKeepAlive(false)
                .setMaxRedirects(0));
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.config.maxInFlight(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.slots = new Semaphore(this.config.maxInFlight());
    }

    @Scheduled(
            every = "${devolve.webhooks.every}",
            delayed = "${devolve.webhooks.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-webhooks",
            skipExecutionIf = UntilMigrated.class)
    void tick() {
        try {
            start();
        } catch (RuntimeException e) {
            LOG.warnf("Webhooks: this round stopped (%s); the next one carries on", e.getMessage());
        }
    }

    /**
     * Sends every delivery that is due now and waits for their outcomes; returns how many were sent. Tests call it
     * to see a change's deliveries without waiting for a tick.
     */
    int sendDue() {
        int sent = 0;
        while (true) {
            List<CompletableFuture<Void>> started = start();
            if (started.isEmpty()) {
                return sent;
            }
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
            sent += started.size();
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
        http.close();
    }

    /** Claims what this replica has room for and starts sending it. */
    private List<CompletableFuture<Void>> start() {
        int room = slots.drainPermits();
        if (room == 0) {
            return List.of();
        }
        List<Claimed> claimed;
        try {
            claimed = claim(room);
        } catch (RuntimeException e) {
            slots.release(room);
            throw e;
        }
        slots.release(room - claimed.size());
        List<CompletableFuture<Void>> started = new ArrayList<>();
        for (Claimed c : claimed) {
            started.add(CompletableFuture.runAsync(
                    () -> {
                        try {
                            record(c, send(c));
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "Webhook delivery %s: the outcome could not be recorded", c.id());
                        } finally {
                            slots.release();
                        }
                    },
                    threads));
        }
        return started;
    }

    /** A delivery claimed for one attempt, with what sending it needs. */
    private record Claimed(
            UUID id,
            UUID claim,
            UUID endpointId,
            UUID eventId,
            String body,
            int attempts,
            Instant giveUpAt,
            String url,
            List<String> secrets) {}

    private List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        UUID claim = UUID.randomUUID();
        Instant until = now.plus(config.timeout()).plus(LEASE_MARGIN);
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("""
                    with due as (
                        select id, next_attempt_at from (
                            select d.id, d.next_attempt_at,
                                row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.id) as rank
                            from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id
                            where d.status = 'PENDING' and d.next_attempt_at <= :now and e.enabled
                              and (d.claimed_until is null or d.claimed_until <= :now)
                              and not exists (select 1 from webhook_delivery f
                                  where f.endpoint_id = d.endpoint_id and f.status = 'PENDING'
                                    and f.claimed_until > :now)
                        ) ranked where rank <= :perEndpoint order by next_attempt_at, id limit :limit),
                    claimed as (
                        update webhook_delivery d set claim = :claim, claimed_until = :until,
                            attempts = d.attempts + 1, last_attempt_at = :now
                        from due where d.id = due.id and d.status = 'PENDING'
                          and (d.claimed_until is null or d.claimed_until <= :now)
                        returning d.id, d.endpoint_id, d.event_id, d.body, d.attempts, d.give_up_at)
                    select c.id, c.endpoint_id, c.event_id, c.body, c.attempts, c.give_up_at, e.url, e.secret,
                        case when e.previous_secret_until > :now then e.previous_secret end
                    from claimed c join webhook_endpoint e on e.id = c.endpoint_id""")
                    .setParameter("now", now)
                    .setParameter("perEndpoint", PER_ENDPOINT)
                    .setParameter("limit", limit)
                    .setParameter("claim", claim)
                    .setParameter("until", until)
                    .getResultList();
            List<Claimed> out = new ArrayList<>();
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                UUID endpoint = (UUID) r[1];
                List<String> keys = new ArrayList<>();
                keys.add(secrets.decrypt(endpoint, (byte[]) r[7]));
                if (r[8] != null) {
                    keys.add(secrets.decrypt(endpoint, (byte[]) r[8]));
                }
                out.add(new Claimed(
                        (UUID) r[0],
                        claim,
                        endpoint,
                        (UUID) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        instant(r[5]),
                        (String) r[6],
                        keys));
            }
            return out;
        });
    }

    /** What one attempt came to: the response's status (null when none came) and, when it failed, why. */
    private record Outcome(boolean delivered, Integer status, String error) {}

    private Outcome send(Claimed c) {
        Targets.Checked target;
        try {
            target = targets.check(c.url());
        } catch (Targets.Refused refused) {
            return new Outcome(false, null, "refused: " + refused.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        String id = c.eventId().toString();
        String path =
                target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty()
                        ? "/"
                        : target.uri().getRawPath();
        if (target.uri().getRawQuery() != null) {
            path += "?" + target.uri().getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.tls())
                .setURI(path)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setFollowRedirects(false)
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Devolve-Webhooks/1")
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSecrets.signatureHeader(c.secrets(), id, timestamp, c.body()));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        Future<Integer> status = http.request(options).compose(req -> {
            request.set(req);
            return req.send(Buffer.buffer(c.body())).compose(response -> {
                response.handler(ignored -> {}); // the body is not read: only the status counts
                return response.end().map(done -> response.statusCode());
            });
        });
        long timeout = config.timeout().toMillis();
        try {
            int code = status.toCompletionStage().toCompletableFuture().get(timeout + 500, TimeUnit.MILLISECONDS);
            return code >= 200 && code < 300
                    ? new Outcome(true, code, null)
                    : new Outcome(false, code, "the receiver answered " + code);
        } catch (TimeoutException e) {
            HttpClientRequest req = request.get();
            if (req != null) {
                req.reset();
            }
            return new Outcome(
                    false, null, "no answer within " + config.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Outcome(false, null, describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted (the service stopped)");
        }
    }

    private static String describe(Throwable cause) {
        String name = cause instanceof ConnectException
                ? "could not connect"
                : cause instanceof io.netty.handler.timeout.TimeoutException
                                || cause instanceof io.vertx.core.http.HttpClosedException
                        ? "the connection closed or timed out"
                        : cause instanceof javax.net.ssl.SSLException ? "TLS failed" : "the request failed";
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        String text = name + message;
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
    }

    private void record(Claimed c, Outcome outcome) {
        Instant now = clock.instant();
        String status;
        Instant next = null;
        if (outcome.delivered()) {
            status = WebhookDelivery.Status.SUCCEEDED.name();
        } else {
            Instant again = now.plus(backoff(c.attempts()));
            if (again.isAfter(c.giveUpAt())) {
                status = WebhookDelivery.Status.FAILED.name();
                LOG.infof(
                        "Webhook delivery %s to endpoint %s given up after %d attempts (%s)",
                        c.id(), c.endpointId(), c.attempts(), outcome.error());
            } else {
                status = WebhookDelivery.Status.PENDING.name();
                next = again;
            }
        }
        Instant nextAttempt = next;
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("""
                        update webhook_delivery set status = :status,
                            next_attempt_at = case when :pending then cast(:next as timestamptz) end,
                            claim = null, claimed_until = null,
                            last_status_code = case when :answered then :code end,
                            last_error = nullif(:error, ''),
                            delivered_at = case when :delivered then cast(:now as timestamptz) else delivered_at end
                        where id = :id and claim = :claim""")
                        .setParameter("status", status)
                        .setParameter("pending", nextAttempt != null)
                        .setParameter("next", nextAttempt == null ? now : nextAttempt)
                        .setParameter("answered", outcome.status() != null)
                        .setParameter("code", outcome.status() == null ? 0 : outcome.status())
                        .setParameter("error", outcome.error() == null ? "" : outcome.error())
                        .setParameter("delivered", outcome.delivered())
                        .setParameter("now", now)
                        .setParameter("id", c.id())
                        .setParameter("claim", c.claim())
                        .executeUpdate());
    }

    private Duration backoff(int attempts) {
        return backoff(
                config.retryInitial(),
                config.retryMax(),
                attempts,
                ThreadLocalRandom.current().nextDouble());
    }

    /**
     * The pause after the n-th attempt failed (n from 1): the initial one, doubled each time, at most the maximum,
     * shortened by up to a quarter ({@code draw} in [0, 1)). The jitter spreads the retries of the many deliveries
     * that one receiver's outage failed at the same moment, so that they do not all come back at once when it
     * recovers; it only shortens, so the documented schedule stays the latest a retry comes.
     */
    static Duration backoff(Duration initial, Duration max, int attempts, double draw) {
        Duration pause = initial;
        for (int i = 1; i < attempts && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        Duration full = pause.compareTo(max) > 0 ? max : pause;
        return full.minusMillis(Math.round(full.toMillis() * 0.25 * draw));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
