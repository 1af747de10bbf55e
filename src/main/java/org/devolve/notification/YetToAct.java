package org.devolve.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who of some members has not yet done what a deadline soon asks of them (declared their stake, voted): the
 * notification feature needs it for reminders and cannot read stakes, ballots or delegations (they are above it);
 * the home feature implements it through their ports.
 */
public interface YetToAct {

    /** Those of {@code members} who may vote in the proposal and have neither voted nor a delegation in force. */
    List<UUID> notVoted(UUID proposalId, UUID circleId, List<UUID> members, Instant at);

    /** Those of {@code members} who have not declared a stake in the proposal (at any level, 0 included). */
    List<UUID> notDeclared(UUID proposalId, List<UUID> members);
}
