package org.devolve.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.platform.problem.ProblemException;

/**
 * Service accounts as members: the identity feature's port for the integration feature, which registers and
 * disables them. An integration is a member row of kind {@code INTEGRATION}, named by its registration (never by
 * its token) and found by its Keycloak client id; everything that works with members (roles in circles, who may
 * do what with a proposal, names in the ledger and on arguments) works with it unchanged.
 */
@ApplicationScoped
public class Integrations {

    /** An integration's account as identity knows it. */
    public record Account(UUID id, String clientId, String name, Instant disabledAt) {}

    private final Clock clock;

    Integrations(Clock clock) {
        this.clock = clock;
    }

    /** Whether a member (person or integration) already has this client id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean clientTaken(String clientId) {
        return Member.count("clientId", clientId) > 0;
    }

    /** Creates the member row of a new integration (the caller checked {@link #clientTaken}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Account create(String clientId, String name) {
        Instant now = clock.instant();
        Member member = new Member();
        member.id = UUID.randomUUID();
        // Keycloak subjects are UUIDs: this one can never be a person's.
        member.subject = "integration:" + clientId;
        member.username = clientId;
        member.displayName = name;
        member.kind = Member.INTEGRATION;
        member.clientId = clientId;
        member.createdAt = now;
        member.updatedAt = now;
        member.persist();
        return account(member);
    }

    /** Disables (true) or enables again (false) an integration; its next request sees it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Account> setDisabled(UUID id, boolean disabled) {
        Member member = Member.findById(id);
        if (member == null || !Member.INTEGRATION.equals(member.kind)) {
            return Optional.empty();
        }
        if (disabled && member.disabledAt == null) {
            member.disabledAt = clock.instant();
        } else if (!disabled) {
            member.disabledAt = null;
        }
        member.updatedAt = clock.instant();
        return Optional.of(account(member));
    }

    /** The integrations among these members, by id. */
    public Map<UUID, Account> accounts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Member.<Member>stream("id in ?1 and kind = ?2", ids, Member.INTEGRATION)
                .collect(Collectors.toMap(m -> m.id, Integrations::account));
    }

    /** The member a service account's token acts as: a registered, enabled integration, or a 403 problem. */
    @Transactional
    MemberSummary signIn(String clientId) {
        Member member = Member.find("clientId = ?1 and kind = ?2", clientId, Member.INTEGRATION)
                .firstResult();
        if (member == null) {
            throw ProblemException.forbidden("The client " + clientId
                    + " is not registered in Devolve as an integration; an admin registers it");
        }
        if (member.disabledAt != null) {
            throw ProblemException.forbidden("The integration " + member.displayName + " is disabled");
        }
        return member.summary();
    }

    private static Account account(Member m) {
        return new Account(m.id, m.clientId, m.displayName, m.disabledAt);
    }
}
