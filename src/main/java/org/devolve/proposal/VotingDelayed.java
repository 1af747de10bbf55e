package org.devolve.proposal;

import java.util.UUID;

/** Fired when a proposal's deliberation deadline passes while stake challenges are still open. */
public record VotingDelayed(UUID proposalId, UUID circleId, String title, long openChallenges) {}
