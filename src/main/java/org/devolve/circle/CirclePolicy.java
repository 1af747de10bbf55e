package org.devolve.circle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The stake policies a circle turns on (DESIGN, "Stake and weight"): a stake budget (each member has so many
 * points per period for the circle's proposals; a declaration of level s costs s², so `vital` is kept for
 * what truly matters) and challenges of declarations. Group anchors are always on.
 */
@Schema(name = "CirclePolicy")
public record CirclePolicy(
        @Min(1) @Max(10000) @Schema(nullable = true, description = "Points per member per period; absent: no budget")
        Integer stakeBudget,
        @NotNull BudgetPeriod budgetPeriod,
        boolean challengesEnabled) {
}
