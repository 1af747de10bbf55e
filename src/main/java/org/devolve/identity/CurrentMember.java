package org.devolve.identity;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The signed-in person of this request. Asking for them makes sure their member row exists and matches
 * their token; an anonymous request gets a 401 problem.
 */
@RequestScoped
public class CurrentMember {

    /**
     * Realm roles Devolve knows: {@code member} for everyone who may use Devolve (every {@code /api} endpoint
     * requires it: quarkus.http.auth.permission.members in application.properties), {@code admin} for
     * administrators.
     */
    public static final String MEMBER = "member";

    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;
    private final MemberSync sync;
    private final Integrations integrations;
    private MemberSummary member;

    CurrentMember(SecurityIdentity identity, MemberSync sync, Integrations integrations) {
        this.identity = identity;
        this.sync = sync;
        this.integrations = integrations;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public MemberSummary summary() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (member == null) {
            String client = TokenClaims.serviceAccountClient(identity);
            // An integration is looked up on every request (no memory of it), so that disabling it refuses its
            // very next request, whatever its token's lifetime.
            member = client == null ? sync.sync(TokenClaims.of(identity)) : integrations.signIn(client);
        }
        return member;
    }

    public UUID id() {
        return summary().id();
    }

    /** Whether this request is an integration's (a service account), not a person's. */
    public boolean isIntegration() {
        return TokenClaims.serviceAccountClient(identity) != null;
    }

    /**
     * Whether this person is an administrator. An integration never is, whatever roles its service account was
     * given in Keycloak: it acts only with the roles granted to it in circles.
     */
    public boolean isAdmin() {
        return identity.hasRole(ADMIN) && !isIntegration();
    }

    /** The Devolve roles of this person, sorted. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        if (identity.hasRole(MEMBER)) {
            roles.add(MEMBER);
        }
        if (isAdmin()) {
            roles.add(ADMIN);
        }
        return roles;
    }
}
