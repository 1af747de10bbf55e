package org.devolve.platform.openapi;

import jakarta.ws.rs.core.Application;
import org.devolve.platform.problem.Problem;
import org.devolve.platform.problem.Violation;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The contract's front matter; {@code openapi.yaml} at the repository root is what this produces. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Devolve API",
                        version = "1",
                        description =
                                "Participatory decision-making in which a decision's weight goes to the people it "
                                        + "affects. Every error is an RFC 9457 problem (application/problem+json). Lists are paged "
                                        + "with `limit` and an opaque `cursor`; a page's `next` is the cursor of the following page."),
        tags = {
            @Tag(name = "Identity", description = "The signed-in member and member search"),
            @Tag(name = "Circles", description = "Organisations at every scale, their graph and their members"),
            @Tag(name = "Proposals", description = "What a circle is asked to decide, and its lifecycle"),
            @Tag(name = "Stakes", description = "Declared affectedness, stake budgets and challenges"),
            @Tag(name = "Arguments", description = "For, against, and other framings"),
            @Tag(name = "Ballots", description = "Votes, weighted by stake"),
            @Tag(name = "Delegation", description = "Entrusting one's judgement (never one's stake)"),
            @Tag(name = "Results", description = "Tallies that explain themselves, turnout, exports, live updates"),
            @Tag(name = "Ledger", description = "The hash-chained record of everything that changes an outcome"),
            @Tag(name = "Notifications", description = "What a member should know")
        },
        components =
                @Components(
                        schemas = {
                            @Schema(name = "Problem", implementation = Problem.class),
                            @Schema(name = "Violation", implementation = Violation.class)
                        }))
public class ApiDefinition extends Application {}
