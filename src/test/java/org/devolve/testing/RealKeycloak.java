package org.devolve.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The real Keycloak 26.5.6 with the development realm, for the integration tests, started with the same
 * script a developer uses ({@code dev/keycloak.sh}) on a free port, and stopped afterwards. When
 * {@code KEYCLOAK_URL} points at a Keycloak whose {@code devolve} realm answers, that one is used instead.
 *
 * <p>The packaged service under test gets that Keycloak's URL and a throw-away embedded database.
 */
public class RealKeycloak implements QuarkusTestResourceLifecycleManager {

    static final String URL_PROPERTY = "org.devolve.it.keycloak-url";
    private Integer startedPort;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("KEYCLOAK_URL");
        if (url == null || !realmAnswers(url)) {
            int port = freePortPair();
            run("start", port);
            startedPort = port;
            url = "http://127.0.0.1:" + port;
        }
        System.setProperty(URL_PROPERTY, url);
        return Map.ofEntries(
                Map.entry("devolve.keycloak.url", url),
                Map.entry("devolve.keycloak.allow-http", "true"),
                Map.entry("devolve.database.embedded.enabled", "true"),
                Map.entry("devolve.database.embedded.data-dir", ""),
                Map.entry("devolve.ledger.pseudonym-secret", "integration-tests-only-pseudonym-secret"),
                Map.entry("devolve.invitations.secret", "integration-tests-only-invitation-secret-0123456789"),
                Map.entry("devolve.web.public-url", "http://localhost:8080"),
                Map.entry("devolve.webhooks.secret-key", "aW50ZWdyYXRpb24tdGVzdHMtd2ViaG9vay1rZXktMDA="),
                // the tests' webhook receivers listen on loopback, which production refuses
                Map.entry("devolve.webhooks.allow-private-targets", "true"),
                // production has no default mail mode; the tests that read mails run their own SMTP server
                Map.entry("devolve.mail.mode", "off"),
                // the packaged service's management interface (health, metrics) on a free port, not 9000
                Map.entry("quarkus.management.port", Integer.toString(freePortPair())));
    }

    @Override
    public void stop() {
        if (startedPort != null) {
            run("stop", startedPort);
        }
    }

    /** The base URL of the Keycloak the tests run against. */
    public static String url() {
        return System.getProperty(URL_PROPERTY);
    }

    /** Starts the development Keycloak on {@code port} with dev/keycloak.sh (its management port is 1000 above). */
    public static void start(int port) {
        run("start", port);
    }

    /** Stops the Keycloak that {@link #start(int)} started on {@code port}. */
    public static void stop(int port) {
        run("stop", port);
    }

    private static void run(String command, int port) {
        try {
            Path log = Files.createTempFile("keycloak-" + command, ".log");
            ProcessBuilder builder = new ProcessBuilder("bash", "dev/keycloak.sh", command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("KEYCLOAK_PORT", Integer.toString(port));
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("dev/keycloak.sh " + command + " failed:\n" + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean realmAnswers(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url + "/realms/devolve/.well-known/openid-configuration"))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A free port whose neighbour 1000 above (Keycloak's management port) is free too. */
    public static int freePortPair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (port + 1000 < 65536) {
                    try (ServerSocket management = new ServerSocket(port + 1000)) {
                        return port;
                    } catch (IOException busy) {
                        // try another
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no free port pair found");
    }
}
