package org.devolve.proposal;

import org.devolve.platform.problem.ProblemCode;

/** Why a proposal request was refused. */
public enum ProposalProblem implements ProblemCode {
    WRONG_PHASE(409, "Not possible in the proposal's current phase"),
    TRANSITION_NOT_ALLOWED(409, "The proposal cannot move to that phase"),
    OPEN_CHALLENGES(409, "Stake challenges are still open"),
    NOT_A_PARTICIPANT(403, "Only people the proposal concerns may take part");

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
