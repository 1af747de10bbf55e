package org.devolve.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Signs access tokens shaped like Keycloak's, for the {@code @QuarkusTest}s. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A token for {@code username}, whose subject is stable ({@code sub-<username>}). */
    public static String token(String username, String displayName, List<String> roles) {
        return token(username, displayName, roles, java.time.Duration.ofHours(1));
    }

    /** The same, valid for {@code lifetime} from now. */
    public static String token(String username, String displayName, List<String> roles, java.time.Duration lifetime) {
        long now = Instant.now().getEpochSecond();
        String rolesJson = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String payload = "{\"iss\":\"" + TestSigningKeys.ISSUER + "\",\"sub\":\"sub-" + username + "\","
                + "\"preferred_username\":\"" + username + "\",\"name\":\"" + displayName + "\","
                + "\"email\":\"" + username + "@devolve.test\",\"typ\":\"Bearer\",\"azp\":\"devolve-web\","
                + "\"realm_access\":{\"roles\":[" + rolesJson + "]},"
                + "\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds()) + "}";
        return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", payload);
    }

    /** A token that says what it likes but is signed by nobody the service trusts. */
    public static String forged(String username) {
        String real = token(username, username, List.of("member", "admin"));
        return real.substring(0, real.lastIndexOf('.') + 1) + "AAAA" + real.substring(real.lastIndexOf('.') + 5);
    }

    private static String sign(String header, String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(TestSigningKeys.privateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
