package org.devolve.home;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.Role;
import org.devolve.delegation.Delegations;
import org.devolve.identity.CurrentMember;
import org.devolve.proposal.BallotBox;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;

/**
 * What needs my action, read through the owning features' ports (no query here): declarations I have not made in
 * proposals of my circles in deliberation, votes I have not cast nor entrusted, challenges to my declarations to
 * answer, and challenges to rule on in the circles I facilitate.
 */
@ApplicationScoped
class ActionQueries {

    static final int MAX = 50;

    /** How many candidates each source reads at most before filtering (a member with more has a long list anyway). */
    private static final int SCAN = 500;

    private final CurrentMember current;
    private final CircleAccess circles;
    private final Proposals proposals;
    private final Stakes stakes;
    private final BallotBox ballots;
    private final Delegations delegations;
    private final Clock clock;

    ActionQueries(
            CurrentMember current,
            CircleAccess circles,
            Proposals proposals,
            Stakes stakes,
            BallotBox ballots,
            Delegations delegations,
            Clock clock) {
        this.current = current;
        this.circles = circles;
        this.proposals = proposals;
        this.stakes = stakes;
        this.ballots = ballots;
        this.delegations = delegations;
        this.clock = clock;
    }

    @Transactional
    ActionViews.Actions mine() {
        UUID me = current.id();
        Instant now = clock.instant();
        Map<UUID, Role> roles = circles.rolesOf(me);
        List<ActionViews.Action> found = new ArrayList<>();

        List<Proposals.Due> deliberating = proposals.inPhaseConcerning(roles.keySet(), Phase.DELIBERATION, SCAN);
        Set<UUID> declared = stakes.levelsOf(
                        me, deliberating.stream().map(Proposals.Due::id).toList())
                .keySet();
        for (Proposals.Due p : deliberating) {
            if (!declared.contains(p.id())) {
                found.add(new ActionViews.Action(ActionKind.DECLARE, p.id(), p.title(), null, p.deliberationEndsAt()));
            }
        }

        for (Proposals.Due p : proposals.due(stakes.countedIn(me, SCAN)).values()) {
            if (p.phase() == Phase.VOTING
                    && !ballots.hasVoted(p.id(), me)
                    && !delegations.delegates(p.id(), p.circleId(), me, now)) {
                found.add(new ActionViews.Action(ActionKind.VOTE, p.id(), p.title(), null, p.votingEndsAt()));
            }
        }

        Set<UUID> facilitated = roles.entrySet().stream()
                .filter(e -> e.getValue() == Role.FACILITATOR)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        List<Stakes.OpenChallenge> toAnswer = stakes.unansweredBy(me, SCAN);
        List<Stakes.OpenChallenge> toRule = stakes.openInCircles(facilitated, me, SCAN);
        Set<UUID> challenged = new HashSet<>();
        toAnswer.forEach(c -> challenged.add(c.proposalId()));
        toRule.forEach(c -> challenged.add(c.proposalId()));
        Map<UUID, Proposals.Due> open = proposals.due(challenged);
        addChallenges(found, ActionKind.ANSWER, toAnswer, open);
        addChallenges(found, ActionKind.RULE, toRule, open);

        found.sort(Comparator.comparing(
                        ActionViews.Action::dueAt, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(a -> a.kind().ordinal())
                .thenComparing(a -> a.proposalId().toString()));
        boolean truncated = found.size() > MAX;
        return new ActionViews.Actions(List.copyOf(found.subList(0, Math.min(MAX, found.size()))), truncated);
    }

    private static void addChallenges(
            List<ActionViews.Action> found,
            ActionKind kind,
            List<Stakes.OpenChallenge> challenges,
            Map<UUID, Proposals.Due> proposals) {
        for (Stakes.OpenChallenge c : challenges) {
            Proposals.Due p = proposals.get(c.proposalId());
            if (p == null || (p.phase() != Phase.DELIBERATION && p.phase() != Phase.VOTING)) {
                continue;
            }
            Instant due = p.phase() == Phase.DELIBERATION ? p.deliberationEndsAt() : p.votingEndsAt();
            found.add(new ActionViews.Action(kind, p.id(), p.title(), c.id(), due));
        }
    }
}
