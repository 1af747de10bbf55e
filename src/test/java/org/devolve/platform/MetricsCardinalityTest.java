package org.devolve.platform;

import static io.restassured.RestAssured.given;
import static org.devolve.testing.People.BOB;
import static org.devolve.testing.People.as;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Random paths from anyone cannot create metric series without end or push the real endpoints out. */
@QuarkusTest
class MetricsCardinalityTest {

    private static final Pattern URI = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"");

    @Test
    void aThousandRandomPathsLeaveTheUriTagsBoundedAndTheRealEndpointsRecorded() throws Exception {
        Random random = new Random(16);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~%";
        for (int i = 0; i < 1000; i++) {
            StringBuilder path = new StringBuilder();
            int segments = 1 + random.nextInt(4);
            for (int s = 0; s < segments; s++) {
                path.append('/');
                if (s == 0 && random.nextInt(3) == 0) {
                    path.append(random.nextBoolean() ? "api" : "q");
                    continue;
                }
                for (int c = 0; c < 1 + random.nextInt(12); c++) {
                    char ch = alphabet.charAt(random.nextInt(alphabet.length()));
                    path.append(ch == '%' ? "%41" : String.valueOf(ch));
                }
            }
            given().urlEncodingEnabled(false).redirects().follow(false).get(path.toString());
        }
        for (int i = 0; i < 3; i++) {
            as(BOB).get("/api/v1/me").then().statusCode(200);
        }
        String management = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        String metrics = given().get(management + "/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.contains("/api/v1/me"), "the real endpoint is recorded: " + uris);
        // bounded by the API itself: every tag is a path template of the contract or one of the catch-alls, so a
        // thousand random paths add nothing however many endpoints the API has
        Set<String> allowed = new TreeSet<>(Set.of("/bad-request", "/{unmatched}", "REDIRECTION", "NOT_FOUND"));
        Matcher path = Pattern.compile("(?m)^  (/\\S*):$").matcher(Files.readString(Path.of("openapi.yaml")));
        while (path.find()) {
            allowed.add(path.group(1));
        }
        Set<String> beyond = new TreeSet<>(uris);
        beyond.removeAll(allowed);
        assertTrue(beyond.isEmpty(), "uri tags that are no endpoint of the API: " + beyond);
    }
}
