package org.devolve.proposal;

import java.util.UUID;

/**
 * Fired (synchronously, inside the transaction) when a proposal changes phase, for the features that react:
 * notifications, live updates.
 */
public record PhaseChanged(UUID proposalId, UUID circleId, String title, Phase from, Phase to, String outcome) {}
