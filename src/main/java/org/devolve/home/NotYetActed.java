package org.devolve.home;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        // one query for the page's declarations, not one per member
        Map<UUID, Stakes.Standing> declared = stakes.standings(proposalId, members);
        return members.stream()
                .filter(m -> declared.containsKey(m) && declared.get(m).level() > 0)
                .filter(m -> !ballots.hasVoted(proposalId, m))
                .filter(m -> !delegations.delegates(proposalId, circleId, m, at))
                .toList();
    }

    @Override
    public List<UUID> notDeclared(UUID proposalId, List<UUID> members) {
        Map<UUID, Stakes.Standing> declared = stakes.standings(proposalId, members);
        return members.stream().filter(m -> !declared.containsKey(m)).toList();
    }
}
