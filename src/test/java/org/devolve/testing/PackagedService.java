package org.devolve.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, production profile) started by a test
 * as its own process, on free ports, trusting {@link TestTokens}; for tests that must control what is
 * around it (its database) or watch the process.
 */
public final class PackagedService implements AutoCloseable {

    private final Process process;
    public final int port;
    public final int managementPort;
    public final Path log;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PackagedService(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    public static PackagedService start(Map<String, String> properties) throws IOException {
        return start(properties, freePort(), freePort());
    }

    /** The same on the given API and management ports. */
    public static PackagedService start(Map<String, String> properties, int port, int management) throws IOException {
        return start(TestSigningKeys.serviceProperties(), properties, port, management);
    }

    /** The service trusting the Keycloak at {@code devolve.keycloak.url} (given in {@code properties}), not TestTokens. */
    public static PackagedService startForKeycloak(Map<String, String> properties) throws IOException {
        return start(Map.of(), properties, freePort(), freePort());
    }

    private static PackagedService start(
            Map<String, String> keys, Map<String, String> properties, int port, int management) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the service first (mvn package)");
        }
        Map<String, String> all = new LinkedHashMap<>(keys);
        all.put("quarkus.http.port", Integer.toString(port));
        all.put("quarkus.http.host", "127.0.0.1");
        all.put("quarkus.management.port", Integer.toString(management));
        all.put("quarkus.management.host", "127.0.0.1");
        all.put("devolve.ledger.pseudonym-secret", "packaged-service-test-secret");
        all.put("devolve.invitations.secret", "packaged-service-test-invitation-secret-0123456789");
        all.put("devolve.web.public-url", "http://localhost:8080");
        all.put("devolve.mail.mode", "off");
        all.put("devolve.webhooks.secret-key", "cGFja2FnZWQtc2VydmljZS13ZWJob29rLXRlc3Qta2U=");
        all.putAll(properties);
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        all.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Xmx512m");
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile("devolve-packaged-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PackagedService(process, port, management, log);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The HTTP status of the readiness probe, or -1 when it does not answer. */
    public int readiness() {
        return status("http://127.0.0.1:" + managementPort + "/q/health/ready");
    }

    public int liveness() {
        return status("http://127.0.0.1:" + managementPort + "/q/health/live");
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: the process ends at once, nothing flushed, nothing shut down. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** Waits until readiness answers 200; false when {@code within} passes first or the process ends. */
    public boolean awaitReady(Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                return false;
            }
            if (readiness() == 200) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
