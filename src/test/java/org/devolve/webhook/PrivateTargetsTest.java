package org.devolve.webhook;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.CAROL;
import static org.devolve.testing.People.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With private targets not allowed (the production default), an endpoint in a private, loopback, link-local or
 * unique-local range is refused, by address or by a name that resolves to one, naming the field.
 */
@QuarkusTest
@TestProfile(PrivateTargetsTest.NotAllowed.class)
class PrivateTargetsTest {

    public static class NotAllowed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("devolve.webhooks.allow-private-targets", "false");
        }
    }

    @Test
    void privateLoopbackAndLinkLocalTargetsAreRefused() {
        String circle = aCircle("Guarded").facilitatedBy(CAROL).create();
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "http://192.168.1.10/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fd12:3456::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:10.0.0.1]/hook",
                "http://0.0.0.0/hook",
                "http://100.64.0.1/hook")) {
            as(CAROL)
                    .body(Map.of("url", url, "events", List.of("proposal.closed")))
                    .post("/api/v1/circles/" + circle + "/webhooks")
                    .then()
                    .statusCode(400)
                    .body("errors.field", equalTo(List.of("url")))
                    .body("errors.code", equalTo(List.of("PRIVATE_TARGET")));
        }
        as(CAROL).get("/api/v1/circles/" + circle + "/webhooks").then().body("items.size()", equalTo(0));
    }

    @Test
    void theRangesAreThoseOfPublicAddressesOnly() throws Exception {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.216.34")) {
            assertFalse(Targets.isPrivate(InetAddress.getByName(address)), address);
        }
        for (String address :
                List.of("127.0.0.2", "10.0.0.1", "fc00::1", "fe80::1", "::", "::ffff:192.168.0.1", "224.0.0.1")) {
            assertTrue(Targets.isPrivate(InetAddress.getByName(address)), address);
        }
    }
}
