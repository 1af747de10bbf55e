package org.devolve.proposal;

import org.devolve.platform.problem.ProblemCode;

/** Why a proposal request was refused. */
public enum ProposalProblem implements ProblemCode {
    WRONG_PHASE(409, "Not possible in the proposal's current phase"),
    TRANSITION_NOT_ALLOWED(409, "The proposal cannot move to that phase"),
    OPEN_CHALLENGES(409, "Stake challenges are still open"),
    NOT_A_PARTICIPANT(403, "Only people the proposal concerns may take part"),
    FACILITATORS_ONLY(403, "Only a facilitator of the deciding circle may do this"),
    NO_LONGER_A_MEMBER(403, "The author's powers ended when they left the deciding circle"),
    DELIBERATION_ENDED(409, "Deliberation has ended"),
    VOTING_CLOSED(409, "Voting is closed"),
    DEADLINE_PASSED(409, "The deadline has passed and can no longer be changed"),
    DEADLINE_REQUIRED(409, "Once voting is open, its end can be moved but not removed");

    private final int status;
    private final String title;

    ProposalProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
