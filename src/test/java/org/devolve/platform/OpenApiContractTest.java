package org.devolve.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi.yaml} at the repository root is the published contract: it must be exactly what the
 * service serves at {@code /q/openapi}. When the API changes on purpose, refresh the file with
 * {@code mvn test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");

    @Test
    void theContractAtTheRootIsWhatTheServiceServes() throws IOException {
        String served = normalise(given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        String contract = Files.exists(CONTRACT) ? normalise(Files.readString(CONTRACT, StandardCharsets.UTF_8)) : "";
        if (!served.equals(contract)) {
            Path copy = Path.of("target", "openapi-served.yaml");
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, served, StandardCharsets.UTF_8);
            fail("openapi.yaml differs from what the service serves, first at line " + firstDifference(contract, served)
                    + ". The served contract is in " + copy + "; if the change is intended, run "
                    + "mvn test -Dtest=OpenApiContractTest -Dopenapi.update=true and review the diff.");
        }
    }

    private static String normalise(String yaml) {
        return yaml.replace("\r\n", "\n").stripTrailing() + "\n";
    }

    private static String firstDifference(String a, String b) {
        List<String> left = a.lines().toList();
        List<String> right = b.lines().toList();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? left.get(i) : "<end>";
            String r = i < right.size() ? right.get(i) : "<end>";
            if (!l.equals(r)) {
                return (i + 1) + " (file: '" + l.strip() + "', served: '" + r.strip() + "')";
            }
        }
        return "?";
    }
}
