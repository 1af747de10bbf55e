package org.devolve.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs access tokens shaped like Keycloak's, for the {@code @QuarkusTest}s: issued for the audience
 * {@code devolve} (as the realm's audience mapper does), of type {@code Bearer}, with realm roles.
 */
public final class TestTokens {

    /** The audience the service accepts (quarkus.oidc.token.audience). */
    public static final String AUDIENCE = "devolve";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {}

    /** A token for {@code username}, whose subject is stable ({@code sub-<username>}). */
    public static String token(String username, String displayName, List<String> roles) {
        return token(username, displayName, roles, Duration.ofHours(1));
    }

    /** The same, valid for {@code lifetime} from now. */
    public static String token(String username, String displayName, List<String> roles, Duration lifetime) {
        Map<String, Object> claims = claims(username, displayName, roles);
        claims.put("exp", ((Number) claims.get("iat")).longValue() + lifetime.toSeconds());
        return signed(claims);
    }

    /** The claims of {@link #token}, to change one and sign them with {@link #signed}. */
    public static Map<String, Object> claims(String username, String displayName, List<String> roles) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestSigningKeys.ISSUER);
        claims.put("sub", "sub-" + username);
        claims.put("aud", AUDIENCE);
        claims.put("typ", "Bearer");
        claims.put("azp", "devolve-web");
        claims.put("preferred_username", username);
        claims.put("name", displayName);
        claims.put("email", username + "@devolve.test");
        claims.put("realm_access", Map.of("roles", roles));
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    /** Any claims, signed with the key the service trusts. */
    public static String signed(Map<String, Object> claims) {
        try {
            return sign("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", JSON.writeValueAsString(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
