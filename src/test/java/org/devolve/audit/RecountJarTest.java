package org.devolve.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import org.devolve.tally.recount.Main;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: "run java -jar devolve-recount.jar" came with no way to get the jar. Anyone downloads it from the service
 * (no account: it is code, no data), and what they download recounts a tally document exactly as the engine in the
 * service does, in a process of its own.
 */
@QuarkusTest
class RecountJarTest {

    @Test
    void anyoneDownloadsTheRecountCommandAndItRecountsAsTheServiceDoes() throws Exception {
        Response response = given().get("/api/v1/recount.jar");
        response.then()
                .statusCode(200)
                .contentType("application/java-archive")
                .header("Content-Disposition", "attachment; filename=\"devolve-recount.jar\"");
        String tag = response.header("ETag");
        assertNotNull(tag);
        given().header("If-None-Match", tag).get("/api/v1/recount.jar").then().statusCode(304);

        byte[] jar = response.asByteArray();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            assertEquals(
                    "org.devolve.tally.recount.Main",
                    in.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        Path file = Files.createTempFile("devolve-recount", ".jar");
        Files.write(file, jar);
        Path document = Path.of("docs/examples/ranked-schulze.json");
        Process recount = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        file.toString(),
                        document.toString())
                .redirectErrorStream(false)
                .start();
        String out = new String(recount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(recount.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(recount.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, recount.exitValue(), err);

        ByteArrayOutputStream here = new ByteArrayOutputStream();
        Main.run(
                new String[] {document.toString()},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(here, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(here.toString(StandardCharsets.UTF_8), out, "the downloaded jar counts as the service's engine");
        Files.delete(file);
    }
}
