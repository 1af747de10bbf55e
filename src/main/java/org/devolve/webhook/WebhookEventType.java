package org.devolve.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events an endpoint may ask for, by the name they carry in the API and in a body's {@code type}. */
public enum WebhookEventType {
    /** A proposal opened for deliberation (people declare their stakes). */
    PROPOSAL_DELIBERATION_OPENED("proposal.deliberation_opened"),
    /** Voting opened on a proposal. */
    PROPOSAL_VOTING_OPENED("proposal.voting_opened"),
    /** A proposal closed, with its result as the result endpoint publishes it. */
    PROPOSAL_CLOSED("proposal.closed"),
    /** A proposal was withdrawn after it had opened. */
    PROPOSAL_WITHDRAWN("proposal.withdrawn"),
    /** Someone challenged a stake declaration. */
    CHALLENGE_RAISED("challenge.raised"),
    /** A facilitator ruled on a challenge. */
    CHALLENGE_RESOLVED("challenge.resolved");

    private final String wire;

    WebhookEventType(String wire) {
        this.wire = wire;
    }

    /** The name in the API and in an event's {@code type}. */
    public String wire() {
        return wire;
    }

    static Optional<WebhookEventType> ofWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }

    static List<String> wires() {
        return Arrays.stream(values()).map(WebhookEventType::wire).toList();
    }
}
