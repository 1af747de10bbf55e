package org.devolve.identity;

import io.quarkus.security.identity.SecurityIdentity;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What Devolve takes from a sign-in: the subject and how the person wants to be shown. */
record TokenClaims(String subject, String username, String displayName, String email) {

    static TokenClaims of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            String username = firstNonBlank(jwt.getClaim("preferred_username"), jwt.getSubject());
            String given = jwt.getClaim("given_name");
            String family = jwt.getClaim("family_name");
            String joined = given == null ? family : family == null ? given : given + " " + family;
            String name = firstNonBlank(jwt.getClaim("name"), joined, username);
            return new TokenClaims(jwt.getSubject(), username, clip(name), jwt.getClaim("email"));
        }
        // Identities without a token (tests with @TestSecurity) carry the name and optional attributes.
        String name = principal.getName();
        String display = firstNonBlank(identity.getAttribute("name"), name);
        return new TokenClaims(name, name, clip(display), identity.getAttribute("email"));
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString().trim();
            }
        }
        return null;
    }

    private static String clip(String name) {
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
