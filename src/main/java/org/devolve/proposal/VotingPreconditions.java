package org.devolve.proposal;

import java.util.UUID;

/** What must be settled before voting opens; implemented by the stake feature. */
public interface VotingPreconditions {

    /** Stake challenges of the proposal that nobody has resolved yet. */
    long openChallenges(UUID proposalId);
}
