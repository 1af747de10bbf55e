package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CirclePolicy;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.proposal.AffectedGroup;
import org.devolve.proposal.Participation;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalPolicy;
import org.devolve.proposal.Proposals;

/**
 * A participant declares (or changes, during deliberation) how much a proposal affects them: a level 0..5,
 * the group they are affected as, and a reason.
 *
 * <p>The counters of over-declaration apply here: a declaration above the group's suggested level needs a
 * reason and is flagged (group anchors); when the deciding circle has a stake budget, a declaration that
 * would cost more than the points left is refused with the budget left (stake budget). A person who is
 * neither a member of the deciding circle nor of an affected circle may declare only where the proposal lets
 * outsiders in, and their declaration is marked self-identified; so is a declaration "as" a circle one
 * does not belong to.
 *
 * <p>Challenges have teeth: once a facilitator lowered a declaration, its declarant cannot declare above that
 * level again, in any group; and with a deliberation deadline, new or raised declarations close the circle's
 * challenge window before it. Declarations stop at the deadline's instant, whether or not voting has opened yet.
 */
@ApplicationScoped
class DeclareStake {

    private final Proposals proposals;
    private final ProposalPolicy policy;
    private final CircleAccess circles;
    private final CurrentMember current;
    private final StakeBudgets budgets;
    private final Ledger ledger;
    private final Clock clock;

    DeclareStake(
            Proposals proposals,
            ProposalPolicy policy,
            CircleAccess circles,
            CurrentMember current,
            StakeBudgets budgets,
            Ledger ledger,
            Clock clock) {
        this.proposals = proposals;
        this.policy = policy;
        this.circles = circles;
        this.current = current;
        this.budgets = budgets;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    Stake declare(String proposalRef, StakeRequests.Declare request) {
        Proposal p = proposals.forParticipation(proposalRef, true);
        Instant now = clock.instant();
        PhaseGuards.requireDeliberating(p, now, "declare a stake");
        Participation who = policy.participation(p);
        UUID me = current.id();
        int level = request.level();
        String reason = request.reason() == null ? "" : request.reason().trim();
        AffectedGroup group = proposals.groups(p.id).stream()
                .filter(g -> g.id.equals(request.groupId()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(
                        "groupId", StakeField.UNKNOWN_GROUP, "is not an affected group of this proposal"));
        List<Violation> violations = new ArrayList<>();
        boolean inGroupCircle = group.circleId == null || circles.isMember(group.circleId, me);
        if (!inGroupCircle && !p.outsidersAllowed) {
            violations.add(new Violation(
                    "groupId",
                    StakeField.NOT_IN_GROUP,
                    "you are not a member of " + group.name + "; declare as a group you belong to"));
        }
        boolean flagged = level > group.suggestedLevel;
        if (flagged && reason.isEmpty()) {
            violations.add(new Violation(
                    "reason",
                    StakeField.REASON_REQUIRED,
                    "a level above the group's suggested level (" + group.suggestedLevel + ") needs a reason"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        Stake existing =
                Stake.find("proposalId = ?1 and memberId = ?2", p.id, me).firstResult();
        if (existing != null && existing.levelAllowed != null && level > existing.levelAllowed) {
            throw ProblemException.of(
                            StakeProblem.LEVEL_LOWERED,
                            "A facilitator lowered your declaration to "
                                    + existing.levelAllowed + " after a challenge; you may declare up to "
                                    + existing.levelAllowed
                                    + ", in any group")
                    .with("levelAllowed", (int) existing.levelAllowed);
        }
        CirclePolicy policy = circles.policy(p.circleId);
        boolean raised = existing == null || level > existing.level;
        requireChallengeable(p, policy, existing, raised, now);
        String period = StakeBudgets.periodOf(policy, p.openedAt);
        if (policy.stakeBudget() != null) {
            budgets.lock(me, p.circleId);
            long used = budgets.used(me, p.circleId, period, p.id);
            long cost = StakeBudgets.cost(level);
            if (used + cost > policy.stakeBudget()) {
                long left = Math.max(0, policy.stakeBudget() - used);
                throw ProblemException.of(
                                StakeProblem.STAKE_BUDGET_EXCEEDED,
                                "Level " + level + " costs " + cost
                                        + " points; " + left + " of your " + policy.stakeBudget() + " points for "
                                        + period
                                        + " are left")
                        .with("budget", policy.stakeBudget())
                        .with("budgetLeft", left)
                        .with("cost", cost)
                        .with("period", period);
            }
        }
        Stake stake = existing;
        if (stake == null || !stake.groupId.equals(group.id)) {
            proposals.declarationMoved(stake == null ? null : AffectedGroup.findById(stake.groupId), group);
        }
        if (stake == null) {
            stake = new Stake();
            stake.id = UUID.randomUUID();
            stake.proposalId = p.id;
            stake.memberId = me;
            stake.circleId = p.circleId;
            stake.declaredAt = now;
            stake.revision = 1;
        } else if (stake.level != level
                || stake.declaredLevel != level
                || !stake.groupId.equals(group.id)
                || !stake.reason.equals(reason)) {
            stake.revision++;
        }
        if (raised) {
            stake.raisedAt = now;
        }
        stake.groupId = group.id;
        stake.level = (short) level;
        stake.declaredLevel = (short) level;
        stake.reason = reason;
        stake.flagged = flagged;
        stake.selfIdentified = who.outsider() || !inGroupCircle;
        stake.budgetPeriod = period;
        stake.updatedAt = now;
        stake.persist();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("stake", stake.id.toString());
        payload.put("member", me.toString());
        payload.put("group", group.id.toString());
        payload.put("level", (long) level);
        payload.put("reason", reason);
        payload.put("flagged", flagged);
        payload.put("selfIdentified", stake.selfIdentified);
        ledger.append(p.id, LedgerKind.STAKE_DECLARED, me.toString(), payload);
        return stake;
    }

    /**
     * A late declaration cannot escape challenge: with a deliberation deadline, new and raised declarations close
     * the circle's challenge window before it, so that each stays open to challenge at least that long. Lowering
     * one's own declaration (or moving it to another group at the same level) stays possible until the deadline.
     */
    private static void requireChallengeable(
            Proposal p, CirclePolicy policy, Stake existing, boolean raised, Instant now) {
        Duration window = policy.challengeWindow();
        if (!raised || window.isZero() || p.deliberationEndsAt == null) {
            return;
        }
        Instant closesAt = p.deliberationEndsAt.minus(window);
        if (now.isBefore(closesAt)) {
            return;
        }
        ProblemException refusal = ProblemException.of(
                        StakeProblem.DECLARATIONS_CLOSED,
                        "New and raised "
                                + "declarations closed at " + closesAt + ", " + window.toMinutes()
                                + " minutes before deliberation "
                                + "ends, so that each can still be challenged"
                                + (existing == null
                                        ? ""
                                        : "; you may still lower yours, up to level " + existing.level))
                .with("closedAt", closesAt.toString())
                .with("deliberationEndsAt", p.deliberationEndsAt.toString())
                .with("challengeWindowMinutes", window.toMinutes());
        throw existing == null ? refusal : refusal.with("levelAllowed", (int) existing.level);
    }
}
