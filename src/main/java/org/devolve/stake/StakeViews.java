package org.devolve.stake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class StakeViews {

    private StakeViews() {}

    @Schema(name = "StakeDeclaration", description = "A declaration, with its flags and challenges")
    record StakeView(
            UUID id,
            MemberSummary member,
            UUID groupId,
            String groupName,
            int level,
            int declaredLevel,
            String reason,

            @Schema(description = "Declared above the group's suggested level")
            boolean flagged,

            @Schema(
                    description = "Declared by someone outside the deciding and affected circles, or as a circle "
                            + "they do not belong to")
            boolean selfIdentified,

            @Schema(description = "Lowered by a facilitator after a challenge")
            boolean lowered,

            @Schema(
                    nullable = true,
                    description =
                            "Once lowered after a challenge: the highest level its declarant " + "may declare again")
            Integer levelAllowed,

            @Schema(
                    description = "Made or raised within the circle's challenge window before voting opened: nobody "
                            + "had that long to challenge it")
            boolean late,

            @Schema(description = "The weight this level gives under the proposal's policy")
            String weight,

            Instant declaredAt,
            Instant updatedAt,
            List<ChallengeView> challenges) {}

    @Schema(name = "StakeChallenge")
    record ChallengeView(
            UUID id,
            UUID stakeId,
            MemberSummary challenger,
            String reason,
            @Schema(nullable = true) String answer,
            @Schema(nullable = true) Instant answeredAt,
            ChallengeStatus status,
            @Schema(nullable = true) MemberSummary resolvedBy,
            @Schema(nullable = true) Integer resolvedLevel,
            @Schema(nullable = true) String resolutionNote,
            Instant createdAt,
            @Schema(nullable = true) Instant resolvedAt) {}

    @Schema(name = "StakeBudget", description = "My stake budget in a circle for the current period")
    record BudgetView(UUID circleId, String circleName, int budget, String period, long used, long left) {}

    @Schema(name = "ChallengesResolved")
    record Resolved(
            int resolved,

            @Schema(description = "Challenges to my own declaration, left open for another facilitator or an admin")
            int leftOpen) {}
}
