package org.devolve.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of a proposal's live stream ({@code GET /api/v1/proposals/{id}/events}), reading events as a
 * browser's EventSource would: {@code id}, {@code event}, {@code data}, dispatched at a blank line.
 */
public final class EventStream implements AutoCloseable {

    /** One event as received; {@code id} is null when the event carried none. */
    public record Event(String id, String name, String data) {}

    private static final Event END = new Event(null, "<end of stream>", "");

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> incoming = new LinkedBlockingQueue<>();
    private final List<Event> received = new ArrayList<>();
    private final String body;
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() != 200) {
            body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
            ended = true;
            return;
        }
        body = null;
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream as {@code person}, resuming after {@code lastEventId} when it is not null. */
    public static EventStream open(String root, People.Person person, String proposal, String lastEventId)
            throws IOException, InterruptedException {
        return open(root, person.token(), proposal, lastEventId);
    }

    /** Opens the stream with the bearer token {@code token}. */
    public static EventStream open(String root, String token, String proposal, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(root + "api/v1/proposals/" + proposal + "/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new EventStream(client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return response.statusCode();
    }

    /** The response body when the stream was refused. */
    public String refusal() {
        return body;
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Waits up to 10 s for the next event of that name whose data contains the text, and returns it. */
    public Event await(String name, String data) throws InterruptedException {
        return await(e -> e.name().equals(name) && e.data().contains(data), name + " with " + data);
    }

    /** Waits up to 10 s for an event that matches. */
    public Event await(Predicate<Event> wanted, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            Event e = incoming.poll(100, TimeUnit.MILLISECONDS);
            if (e == END) {
                incoming.add(END);
                break;
            }
            if (e != null && wanted.test(e)) {
                return e;
            }
        }
        fail("no " + what + " in " + received());
        return null;
    }

    /** Waits up to 10 s until everything received so far satisfies {@code condition}. */
    public void awaitReceived(Predicate<List<Event>> condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.test(received()) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        if (!condition.test(received())) {
            fail("not " + what + " in " + received());
        }
    }

    /** Waits up to 10 s for the server to end the stream. */
    public void awaitEnd() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ended && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        if (!ended) {
            fail("the stream is still open; received " + received());
        }
    }

    /** Every event received so far, in order. */
    public synchronized List<Event> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        Event e = new Event(id, name, data.toString());
                        synchronized (this) {
                            received.add(e);
                        }
                        incoming.add(e);
                    }
                    id = null;
                    name = "message";
                    data = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" ->
                        data = data == null
                                ? new StringBuilder(value)
                                : data.append('\n').append(value);
                    default -> {}
                }
            }
        } catch (IOException e) {
            // closed by the test
        } finally {
            ended = true;
            incoming.add(END);
        }
    }
}
