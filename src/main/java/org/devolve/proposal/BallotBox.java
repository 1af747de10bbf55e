package org.devolve.proposal;

import java.util.UUID;

/** Whether a person has cast a ballot in a proposal, for its detail view; implemented by the ballot feature. */
public interface BallotBox {

    boolean hasVoted(UUID proposalId, UUID memberId);
}
