package org.devolve.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.PhaseGuards;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;

/** A participant takes their judgement in one proposal back, until the voting deadline; the ledger records it. */
@ApplicationScoped
class RevokeProposalDelegation {

    private final Proposals proposals;
    private final CurrentMember current;
    private final DelegationBook book;
    private final Clock clock;

    RevokeProposalDelegation(Proposals proposals, CurrentMember current, DelegationBook book, Clock clock) {
        this.proposals = proposals;
        this.current = current;
        this.book = book;
        this.clock = clock;
    }

    @Transactional
    void revoke(String proposalRef) {
        Proposal p = proposals.readableForUpdate(proposalRef);
        PhaseGuards.requirePhase(p, "revoke a delegation", Phase.DELIBERATION, Phase.VOTING);
        PhaseGuards.requireVotingNotEnded(p, clock.instant(), "revoke a delegation");
        Delegation active = book.active("proposalId", p.id, current.id());
        if (active == null) {
            throw ProblemException.notFound("Your delegation for this proposal");
        }
        book.revoke(active);
        book.record(p, LedgerKind.DELEGATION_REVOKED, active);
    }
}
