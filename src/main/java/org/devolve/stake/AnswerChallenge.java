package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/** The declarant answers a challenge of their declaration, while it is open. */
@ApplicationScoped
class AnswerChallenge {

    private final Proposals proposals;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    AnswerChallenge(Proposals proposals, CurrentMember current, Ledger ledger, Clock clock) {
        this.proposals = proposals;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    StakeChallenge answer(String proposalRef, String challengeRef, String answer) {
        Proposal p = proposals.readableForUpdate(proposalRef);
        PhaseGuards.requirePhase(p, "answer a challenge", Phase.DELIBERATION);
        StakeChallenge c = find(p, challengeRef);
        Stake stake = Stake.findById(c.stakeId);
        if (!stake.memberId.equals(current.id())) {
            throw ProblemException.forbidden("Only the person who declared the stake answers its challenges");
        }
        if (c.status != ChallengeStatus.OPEN) {
            throw ProblemException.of(StakeProblem.CHALLENGE_CLOSED, "The challenge is already resolved");
        }
        c.answer = answer.trim();
        c.answeredAt = clock.instant();
        ledger.append(
                p.id,
                LedgerKind.CHALLENGE_ANSWERED,
                current.id().toString(),
                Map.of("challenge", c.id.toString(), "answer", c.answer));
        return c;
    }

    static StakeChallenge find(Proposal p, String challengeRef) {
        UUID id = Ids.parse(challengeRef).orElseThrow(() -> ProblemException.notFound("Challenge " + challengeRef));
        StakeChallenge c = StakeChallenge.findById(id);
        if (c == null || !c.proposalId.equals(p.id)) {
            throw ProblemException.notFound("Challenge " + challengeRef);
        }
        return c;
    }
}
