package org.devolve.notification;

/**
 * What a notification says, as a code the UI translates with the notification's parameters ({@code params}); its
 * English {@code text} is for integrations that show it as it is. Each kind lists the parameters it carries.
 */
public enum NoticeKind {
    /** To the members of the deciding and affected circles. {@code title}. */
    PROPOSAL_DELIBERATION,
    /** To the same. {@code title}. */
    PROPOSAL_VOTING,
    /** To the same. {@code title}, {@code outcome} (ADOPTED, REJECTED, WINNER, NO_QUORUM, or empty). */
    PROPOSAL_CLOSED,
    /** To the same. {@code title}. */
    PROPOSAL_WITHDRAWN,
    /** To the deciding circle's facilitators, once. {@code title}, {@code openChallenges}. */
    VOTING_DELAYED,
    /** To the declarant whose declaration was challenged. {@code title}, {@code level}, {@code group}. */
    STAKE_CHALLENGED,
    /** To the deciding circle's facilitators, who rule on it. {@code title}, {@code declarant}, {@code level}. */
    CHALLENGE_TO_RULE,
    /** To the declarant and the challenger. {@code title}, {@code ruling} (UPHELD or LOWERED), {@code level}. */
    CHALLENGE_RESOLVED,
    /** To the delegate. {@code delegator}, and {@code circle} (circle delegations) or {@code title}. */
    DELEGATION_RECEIVED,
    /** To the proposal's author. {@code title}, {@code author}, {@code side}. */
    ARGUMENT_POSTED,
    /** To the members of the deciding and affected circles, 24 hours before voting ends. {@code title}, {@code endsAt}. */
    VOTING_CLOSING_SOON,
    /** To the circle's facilitators. {@code circle}, {@code requester}. */
    JOIN_REQUESTED,
    /** To the person who asked to join. {@code circle}. */
    JOIN_ACCEPTED,
    /** To the same. {@code circle}. */
    JOIN_DECLINED
}
