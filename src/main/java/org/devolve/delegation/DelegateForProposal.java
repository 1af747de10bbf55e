package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.LedgerKind;
import org.devolve.notification.NoticeKind;
import org.devolve.notification.Notices;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/**
 * A participant entrusts their judgement in one proposal to another participant, overriding a delegation for the
 * circle there. During deliberation and voting, until the instant of the voting deadline (whether or not the
 * scheduler has closed the proposal yet); the ledger records it ({@link DelegationBook#record}).
 */
@ApplicationScoped
class DelegateForProposal {

    private final CircleAccess circles;
    private final Proposals proposals;
    private final CurrentMember current;
    private final DelegationBook book;
    private final Clock clock;
    private final Notices notices;

    DelegateForProposal(
            CircleAccess circles,
            Proposals proposals,
            CurrentMember current,
            DelegationBook book,
            Clock clock,
            Notices notices) {
        this.notices = notices;
        this.circles = circles;
        this.proposals = proposals;
        this.current = current;
        this.book = book;
        this.clock = clock;
    }

    @Transactional
    Delegation delegate(String proposalRef, UUID delegateId) {
        Proposal p = proposals.forParticipation(proposalRef, true);
        PhaseGuards.requirePhase(p, "delegate", Phase.DELIBERATION, Phase.VOTING);
        PhaseGuards.requireVotingNotEnded(p, clock.instant(), "delegate");
        UUID me = current.id();
        book.requireDelegate(delegateId, me);
        boolean delegateTakesPart = p.outsidersAllowed
                || circles.isMember(p.circleId, delegateId)
                || !circles.circlesOf(delegateId, proposals.affectedCircles(p.id))
                        .isEmpty();
        if (!delegateTakesPart) {
            throw ProblemException.invalid(
                    "delegateId",
                    DelegationField.NOT_A_PARTICIPANT,
                    "does not take part in this proposal: choose a member of the deciding or an affected circle");
        }
        Delegation d = book.set(me, delegateId, null, p.id);
        if (p.secret) {
            d.salt = DelegationBook.salt();
        }
        book.record(p, LedgerKind.DELEGATION_SET, d);
        if (!p.secret) {
            // in a secret proposal nobody learns who entrusted whom (docs/threat-model.md): no notification
            String delegator = current.summary().displayName();
            notices.tell(
                    NoticeKind.DELEGATION_RECEIVED,
                    p.id,
                    p.circleId,
                    Map.of("delegator", delegator, "title", p.title),
                    delegator + " entrusted you with their vote on “" + p.title + "”",
                    List.of(delegateId));
        }
        return d;
    }
}
