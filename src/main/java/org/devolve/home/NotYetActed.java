package org.devolve.home;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.delegation.Delegations;
import org.devolve.notification.YetToAct;
import org.devolve.proposal.BallotBox;
import org.devolve.stake.Stakes;

/**
 * The notification feature's {@link YetToAct}, read as "what needs my action" reads it ({@link ActionQueries}): a
 * stake to declare is one not declared yet; a vote to cast, a stake above 0, no ballot, no delegation in force.
 */
@ApplicationScoped
class NotYetActed implements YetToAct {

    private final Stakes stakes;
    private final BallotBox ballots;
    private final Delegations delegations;

    NotYetActed(Stakes stakes, BallotBox ballots, Delegations delegations) {
        this.stakes = stakes;
        this.ballots = ballots;
        this.delegations = delegations;
    }

    @Override
    public List<UUID> notVoted(UUID proposalId, UUID circleId, List<UUID> members, Instant at) {
        return members.stream()
                .filter(m -> stakes.levelsOf(m, List.of(proposalId)).getOrDefault(proposalId, 0) > 0)
                .filter(m -> !ballots.hasVoted(proposalId, m))
                .filter(m -> !delegations.delegates(proposalId, circleId, m, at))
                .toList();
    }

    @Override
    public List<UUID> notDeclared(UUID proposalId, List<UUID> members) {
        return members.stream()
                .filter(m -> !stakes.levelsOf(m, List.of(proposalId)).containsKey(proposalId))
                .toList();
    }
}
