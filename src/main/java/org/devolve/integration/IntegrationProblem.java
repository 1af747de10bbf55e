package org.devolve.integration;

import org.devolve.platform.problem.ProblemCode;

/** Why an integration request was refused. */
enum IntegrationProblem implements ProblemCode {
    CLIENT_TAKEN(409, "Another integration has this Keycloak client id");

    private final int status;
    private final String title;

    IntegrationProblem(int status, String title) {
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
