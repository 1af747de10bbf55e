package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds a proposal for someone who steers it (the verbs that edit it), locked, or refuses with the reason. */
@ApplicationScoped
class Steerable {

    private final Proposals access;
    private final ProposalPolicy policy;

    Steerable(Proposals access, ProposalPolicy policy) {
        this.access = access;
        this.policy = policy;
    }

    /**
     * The proposal, locked, once the caller is known to steer it, it is in one of the phases, and the caller may
     * steer it so in this phase (in that order, so that an author learns of a wrong phase before being told it
     * is not theirs to change).
     */
    Proposal lock(String ref, Participation.Steering steering, String action, Phase... phases) {
        Proposal p = access.readableForUpdate(ref);
        Participation who = policy.participation(p);
        ProposalPolicy.requireSteerer(who, action);
        PhaseGuards.requirePhase(p, action, phases);
        ProposalPolicy.requireSteering(p, who, steering, action);
        return p;
    }
}
