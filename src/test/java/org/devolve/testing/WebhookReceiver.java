package org.devolve.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver of webhooks (the JDK's HttpServer on 127.0.0.1), for tests: it records every request and
 * answers with the statuses it is told, in order ({@link #answer}), then with its default ({@link #answerAlways});
 * it can also wait before answering ({@link #delay}). {@link #verify} checks a signature the way a receiver
 * following Standard Webhooks does, independently of the service's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * One request as it arrived (when: {@code arrivedAt}), and the status it was answered with (after the delay; a
     * sender that went away meanwhile never reads it).
     */
    public record Received(
            String path, Map<String, List<String>> headers, String body, int answered, Instant arrivedAt) {
        public String header(String name) {
            List<String> values = headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(List.of());
            return values.isEmpty() ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int always = 200;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicInteger arrivals = new AtomicInteger();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        return start(0);
    }

    public static WebhookReceiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Instant arrivedAt = Instant.now();
            receiver.arrivals.incrementAndGet();
            if (!receiver.delay.isZero()) {
                try {
                    Thread.sleep(receiver.delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer scripted = receiver.script.poll();
            int status = scripted != null ? scripted : receiver.always;
            receiver.received.add(new Received(
                    exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    status,
                    arrivedAt));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The next requests are answered with these statuses, in order. */
    public WebhookReceiver answer(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    /** Requests beyond the script are answered with this status. */
    public WebhookReceiver answerAlways(int status) {
        this.always = status;
        return this;
    }

    public WebhookReceiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** How many requests have arrived, answered or still held by the delay. */
    public int arrivals() {
        return arrivals.get();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The requests to one path. */
    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits until the condition holds, running {@code meanwhile} between looks; false after {@code within}. */
    public static boolean await(Duration within, Runnable meanwhile, BooleanSupplier condition) {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            meanwhile.run();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /**
     * Whether one of the header's signatures is the HMAC-SHA-256 of {@code id.timestamp.body} under the secret
     * ({@code whsec_} and the base64 of the key), as Standard Webhooks specifies.
     */
    public static boolean verify(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal((r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body())
                                    .getBytes(StandardCharsets.UTF_8)));
            for (String signature : r.header("webhook-signature").split(" ")) {
                if (signature.equals("v1," + expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
