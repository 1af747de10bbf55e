package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.webhook.WebhookEventType;
import org.devolve.webhook.Webhooks;

/**
 * Anyone taking part challenges someone else's declaration, with a reason, during deliberation and until its
 * deadline's instant. Nobody can hold voting back with the same doubt again and again: once a person's challenge
 * of a declaration was ruled on, they may challenge it again only after its declarant changed it.
 */
@ApplicationScoped
class ChallengeStake {

    private final Proposals proposals;
    private final CircleAccess circles;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;
    private final Notices notices;
    private final Webhooks webhooks;

    ChallengeStake(
            Proposals proposals,
            CircleAccess circles,
            CurrentMember current,
            Ledger ledger,
            Clock clock,
            Notices notices,
            Webhooks webhooks) {
        this.notices = notices;
        this.webhooks = webhooks;
        this.proposals = proposals;
        this.circles = circles;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    StakeChallenge challenge(String proposalRef, String stakeRef, String reason) {
        Proposal p = proposals.forParticipation(proposalRef, true);
        PhaseGuards.requireDeliberating(p, clock.instant(), "challenge a declaration");
        if (!circles.policy(p.circleId).challengesEnabled()) {
            throw ProblemException.of(
                    StakeProblem.CHALLENGES_DISABLED, "The deciding circle does not take challenges of declarations");
        }
        Stake stake = find(p, stakeRef);
        UUID me = current.id();
        if (stake.memberId.equals(me)) {
            throw ProblemException.of(StakeProblem.OWN_DECLARATION, "You cannot challenge your own declaration");
        }
        if (StakeChallenge.count(
                        "stakeId = ?1 and challengerId = ?2 and status = ?3", stake.id, me, ChallengeStatus.OPEN)
                > 0) {
            throw ProblemException.of(
                    StakeProblem.ALREADY_CHALLENGED, "You already have an open challenge on this declaration");
        }
        StakeChallenge ruled = StakeChallenge.<StakeChallenge>find(
                        "stakeId = ?1 and challengerId = ?2 "
                                + "and status <> ?3 and stakeRevision = ?4 order by resolvedAt desc",
                        stake.id,
                        me,
                        ChallengeStatus.OPEN,
                        stake.revision)
                .firstResult();
        if (ruled != null) {
            throw ProblemException.of(
                            StakeProblem.ALREADY_RULED,
                            "Your challenge of this declaration was "
                                    + ruled.status.name().toLowerCase(Locale.ROOT) + " at " + ruled.resolvedAt
                                    + "; you may challenge it again only once its declarant changes it")
                    .with("challenge", ruled.id.toString())
                    .with("resolvedAt", ruled.resolvedAt.toString());
        }
        StakeChallenge c = new StakeChallenge();
        c.id = UUID.randomUUID();
        c.proposalId = p.id;
        c.stakeId = stake.id;
        c.stakeRevision = stake.revision;
        c.challengerId = me;
        c.reason = reason.trim();
        c.status = ChallengeStatus.OPEN;
        c.createdAt = clock.instant();
        c.persist();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("challenge", c.id.toString());
        payload.put("stake", stake.id.toString());
        payload.put("level", (long) stake.level);
        payload.put("reason", c.reason);
        ledger.append(p.id, LedgerKind.STAKE_CHALLENGED, me.toString(), payload);
        Map<String, String> params = Map.of("title", p.title, "level", Short.toString(stake.level));
        notices.tell(
                NoticeKind.STAKE_CHALLENGED,
                p.id,
                p.circleId,
                params,
                "Your declaration (level " + stake.level + ") on “" + p.title + "” was challenged: answer it",
                List.of(stake.memberId));
        notices.tellFacilitators(
                NoticeKind.CHALLENGE_TO_RULE,
                p.id,
                p.circleId,
                params,
                "A declaration (level " + stake.level + ") on “" + p.title + "” was challenged: rule on it",
                stake.memberId);
        if (webhooks.wanted(p.circleId, WebhookEventType.CHALLENGE_RAISED)) {
            webhooks.publish(
                    p.circleId, WebhookEventType.CHALLENGE_RAISED, Webhook.challenge(webhooks, p, c, stake, null));
        }
        return c;
    }

    static Stake find(Proposal p, String stakeRef) {
        UUID id = Ids.parse(stakeRef).orElseThrow(() -> ProblemException.notFound("Declaration " + stakeRef));
        Stake stake = Stake.findById(id);
        if (stake == null || !stake.proposalId.equals(p.id)) {
            throw ProblemException.notFound("Declaration " + stakeRef);
        }
        return stake;
    }
}
