package org.devolve.testing;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Makes the {@code @QuarkusTest}s verify real signed tokens without a Keycloak server: a key pair is made
 * once per JVM, the service is configured to trust its public key, and {@link TestTokens} signs with
 * the private one. The OIDC verification path of the service runs as in production.
 *
 * <p>The key pair lives in system properties so that every class loader of a Quarkus test sees the same.
 */
public final class TestSigningKeys implements ConfigSource {

    public static final String ISSUER = "https://keycloak.devolve.test/realms/devolve";
    private static final String PUBLIC = "org.devolve.test.jwt.public-key";
    private static final String PRIVATE = "org.devolve.test.jwt.private-key";

    static synchronized void ensure() {
        if (System.getProperty(PUBLIC) != null) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(
                    PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            System.setProperty(
                    PRIVATE,
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey() {
        ensure();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PRIVATE));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a packaged service started by a test needs to trust {@link TestTokens} (no Keycloak). */
    public static Map<String, String> serviceProperties() {
        ensure();
        return Map.of(
                "quarkus.oidc.public-key",
                System.getProperty(PUBLIC),
                "quarkus.oidc.token.issuer",
                ISSUER,
                "quarkus.oidc.auth-server-url",
                "",
                "devolve.keycloak.url",
                "https://keycloak.devolve.test");
    }

    private Map<String, String> values() {
        ensure();
        return Map.of(
                "quarkus.oidc.public-key",
                System.getProperty(PUBLIC),
                "quarkus.oidc.token.issuer",
                ISSUER,
                // no OIDC server: tokens are verified with the public key alone
                "quarkus.oidc.auth-server-url",
                "");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values().get(propertyName);
    }

    @Override
    public String getName() {
        return "devolve-test-signing-keys";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
