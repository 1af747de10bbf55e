package org.devolve.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person, known by their Keycloak subject, created or refreshed from the token on each sign-in; or an
 * integration (a service account), registered by an admin and known by its Keycloak client id ({@link Integrations}).
 */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    public static final String PERSON = "PERSON";

    public static final String INTEGRATION = "INTEGRATION";

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String email;

    /** PERSON, or INTEGRATION for a service account ({@link Integrations}). */
    @Column(nullable = false)
    public String kind = PERSON;

    /** An integration's Keycloak client id; null for a person. */
    @Column(name = "client_id")
    public String clientId;

    /** When an integration was disabled (its tokens are refused from then on); null while enabled. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public MemberSummary summary() {
        return new MemberSummary(id, username, displayName);
    }

    /** The summaries of these members, by id, in one query (none for none). */
    public static Map<UUID, MemberSummary> summaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Member.<Member>stream("id in ?1", ids).collect(Collectors.toMap(m -> m.id, Member::summary));
    }

    /**
     * The email addresses of these members that have one (from the {@code email} claim of their last sign-in), by
     * id, in one query: the notification feature's way to a member's address.
     */
    public static Map<UUID, String> emails(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Member.<Member>stream("id in ?1 and email is not null", ids)
                .collect(Collectors.toMap(m -> m.id, m -> m.email));
    }
}
