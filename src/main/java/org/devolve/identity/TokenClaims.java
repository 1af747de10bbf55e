package org.devolve.identity;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What Devolve takes from a sign-in: the subject and how the person wants to be shown.
 *
 * <p>A token is signed by the realm, but its claims are still read defensively: a claim of another JSON
 * type than a string counts as absent, control characters (NUL included) are dropped from names, and
 * lengths are bounded, so that no shape of token reaches the database as something it refuses. A token
 * without a usable subject identifies nobody: it is refused as not signed in (401).
 */
record TokenClaims(String subject, String username, String displayName, String email) {

    static final int MAX_NAME = 200;
    private static final int MAX_SUBJECT = 255;
    private static final int MAX_EMAIL = 320;

    static TokenClaims of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt) {
            String subject = text(jwt.getClaim("sub"));
            if (subject == null || subject.length() > MAX_SUBJECT || !subject.equals(clean(subject))) {
                throw new AuthenticationFailedException("The token names no usable subject");
            }
            String username = firstNonBlank(clean(text(jwt.getClaim("preferred_username"))), subject);
            String given = clean(text(jwt.getClaim("given_name")));
            String family = clean(text(jwt.getClaim("family_name")));
            String joined = given == null ? family : family == null ? given : given + " " + family;
            String name = firstNonBlank(clean(text(jwt.getClaim("name"))), joined, username);
            String email = clean(text(jwt.getClaim("email")));
            return new TokenClaims(
                    subject,
                    clip(username, MAX_NAME),
                    clip(name, MAX_NAME),
                    email == null || email.length() > MAX_EMAIL ? null : email);
        }
        // Identities without a token (tests with @TestSecurity) carry the name and optional attributes.
        String name = principal == null ? null : clean(principal.getName());
        if (name == null) {
            throw new AuthenticationFailedException("The sign-in names nobody");
        }
        String display = firstNonBlank(clean(text(identity.getAttribute("name"))), name);
        return new TokenClaims(
                name, clip(name, MAX_NAME), clip(display, MAX_NAME), clean(text(identity.getAttribute("email"))));
    }

    /**
     * The Keycloak client whose service account this token is (client-credentials grant), or null for a person.
     * Keycloak names a client's service-account user {@code service-account-<client id>} and issues its tokens
     * with {@code azp} set to that client; both must agree. Whether that client is a registered, enabled
     * integration is {@link Integrations}' question.
     */
    static String serviceAccountClient(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String azp = text(jwt.getClaim("azp"));
            String username = text(jwt.getClaim("preferred_username"));
            if (azp != null && username != null && username.equals(SERVICE_ACCOUNT_PREFIX + azp)) {
                return azp;
            }
        }
        return null;
    }

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    /** A claim's text when it is a JSON string; anything else (number, object, array) counts as absent. */
    private static String text(Object claim) {
        if (claim instanceof String s) {
            return s;
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        return null;
    }

    /** The text without control characters and surrounding blanks; null when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.isDefined(c)
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(out::appendCodePoint);
        String trimmed = out.toString().strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String clip(String text, int max) {
        return text.codePointCount(0, text.length()) > max ? text.substring(0, text.offsetByCodePoints(0, max)) : text;
    }
}
