package org.devolve.live;

import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.DAVE;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.devolve.testing.ProposalFixture;
import org.junit.jupiter.api.Test;

/** Server-sent events: what a browser with the proposal open sees without reloading. */
@QuarkusTest
class LiveUpdatesTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aWatcherSeesTurnoutThenArgumentsAndPhaseChangesAsTheyHappen() throws Exception {
        ProposalFixture.Made p = aProposal().by(BOB).withMembers(DAVE).inDeliberation();
        ProposalFixture.declare(BOB, p, 0, 3);
        ProposalFixture.declare(DAVE, p, 0, 2);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/v1/proposals/" + p.id() + "/events"))
                .header("Authorization", "Bearer " + DAVE.token())
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> stream =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            await(lines, "event:turnout", "\"weightDeclared\":\"5.000000\"");
            as(CAROL)
                    .body(Map.of("side", "AGAINST", "body", "Too expensive"))
                    .post("/api/v1/proposals/" + p.id() + "/arguments")
                    .then()
                    .statusCode(201);
            await(lines, "event:argument", "\"side\":\"AGAINST\"");
            as(CAROL)
                    .body(Map.of("phase", "VOTING"))
                    .post("/api/v1/proposals/" + p.id() + "/phase")
                    .then()
                    .statusCode(200);
            await(lines, "event:phase", "\"to\":\"VOTING\"");
            as(BOB).body(Map.of("stance", "FOR"))
                    .put("/api/v1/proposals/" + p.id() + "/ballot")
                    .then()
                    .statusCode(201);
            await(lines, "event:turnout", "\"voters\":1");
        } finally {
            reader.interrupt();
        }
    }

    @Test
    void nobodyWatchesAProposalTheyMayNotRead() {
        ProposalFixture.Made draft = aProposal().by(BOB).draft();
        as(DAVE).accept("text/event-stream")
                .get("/api/v1/proposals/" + draft.id() + "/events")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    /** Waits up to 10 s for an event of that name whose data contains the text. */
    private static void await(BlockingQueue<String> lines, String event, String data) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String lastEvent = null;
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < until) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            String compact = line.replace(": ", ":");
            if (compact.startsWith("event:")) {
                lastEvent = compact;
            } else if (compact.startsWith("data:") && event.equals(lastEvent) && compact.contains(data)) {
                return;
            }
        }
        assertTrue(false, "no " + event + " with " + data + " in " + seen);
    }
}
