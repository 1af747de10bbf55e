package org.devolve.home;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ActionViews {

    private ActionViews() {}

    @Schema(name = "Action", description = "Something the signed-in member has to do, and by when")
    record Action(
            ActionKind kind,
            UUID proposalId,
            String title,

            @Schema(description = "The challenge to answer or to rule on (ANSWER, RULE)", nullable = true)
            UUID challengeId,

            @Schema(
                    description = "The deadline: the end of deliberation (DECLARE, and challenges in deliberation)"
                            + " or of voting",
                    nullable = true)
            Instant dueAt) {}

    @Schema(name = "Actions")
    record Actions(
            @Schema(description = "Soonest deadline first, at most " + ActionQueries.MAX + " items", maxItems = 50)
            List<Action> items,

            @Schema(description = "Whether more were left out beyond the first " + ActionQueries.MAX)
            boolean truncated) {}
}
