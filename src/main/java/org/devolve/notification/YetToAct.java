package org.devolve.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who of some members has not yet voted on a proposal whose voting ends soon, though they may: the notification
 * feature needs it for reminders and cannot read stakes, ballots or delegations (they are above it); the home
 * feature implements it through their ports.
 */
public interface YetToAct {

    /** Those of {@code members} who may vote in the proposal and have neither voted nor a delegation in force. */
    List<UUID> notVoted(UUID proposalId, UUID circleId, List<UUID> members, Instant at);
}
