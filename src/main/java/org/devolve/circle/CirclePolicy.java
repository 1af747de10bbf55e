package org.devolve.circle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The stake policies a circle turns on (DESIGN, "Stake and weight"): a stake budget (each member has so many
 * points per period for the circle's proposals; a declaration of level s costs s², so `vital` is kept for
 * what truly matters), challenges of declarations, and the challenge window that keeps a late declaration
 * challengeable. Group anchors are always on.
 */
@Schema(name = "CirclePolicy")
public record CirclePolicy(
        @Min(1) @Max(10000) @Schema(nullable = true, description = "Points per member per period; absent: no budget")
        Integer stakeBudget,

        @NotNull BudgetPeriod budgetPeriod,
        boolean challengesEnabled,

        @Min(0)
        @Max(CirclePolicy.LONGEST_CHALLENGE_WINDOW_MINUTES)
        @Schema(
                nullable = true,
                description =
                        "Minutes, 0 to 1440 (60 for a new circle). With a "
                                + "deliberation deadline, new or raised declarations close this long before it (lowering one's own "
                                + "stays possible until the deadline), so that each can still be challenged; when voting opens, "
                                + "declarations made or raised less than this before are marked late. Absent in a request: unchanged")
        Integer challengeWindowMinutes) {

    /** The longest challenge window a circle may have: a day. */
    public static final int LONGEST_CHALLENGE_WINDOW_MINUTES = 1440;

    /** The window a new circle starts with. */
    static final int DEFAULT_CHALLENGE_WINDOW_MINUTES = 60;

    /** The challenge window as a duration (0 when none). */
    public Duration challengeWindow() {
        return Duration.ofMinutes(challengeWindowMinutes == null ? 0 : challengeWindowMinutes);
    }
}
