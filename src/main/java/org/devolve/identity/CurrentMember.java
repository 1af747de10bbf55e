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
    private MemberSummary member;

    CurrentMember(SecurityIdentity identity, MemberSync sync) {
        this.identity = identity;
        this.sync = sync;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public MemberSummary summary() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (member == null) {
            member = sync.sync(TokenClaims.of(identity));
        }
        return member;
    }

    public UUID id() {
        return summary().id();
    }

    public boolean isAdmin() {
        return identity.hasRole(ADMIN);
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
