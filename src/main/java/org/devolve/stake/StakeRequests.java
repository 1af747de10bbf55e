package org.devolve.stake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class StakeRequests {

    private StakeRequests() {}

    @Schema(name = "DeclareStake")
    record Declare(
            @NotNull @Schema(description = "The affected group I am affected as")
            UUID groupId,

            @NotNull
            @Min(0)
            @Max(5)
            @Schema(description = "0 not affected, 1 marginal, 2 minor, 3 moderate, 4 major, " + "5 vital")
            Integer level,

            @Size(max = 2000) @Schema(description = "Why; required above the group's suggested level")
            String reason) {}

    @Schema(name = "ChallengeStake")
    record Challenge(@NotBlank @Size(max = 2000) String reason) {}

    @Schema(name = "AnswerChallenge")
    record Answer(@NotBlank @Size(max = 2000) String answer) {}

    @Schema(name = "ResolveChallenge")
    record Resolve(
            @NotNull @Schema(description = "UPHOLD keeps the declaration; LOWER sets a lower level")
            Decision decision,

            @Min(0) @Max(4) @Schema(description = "LOWER only: the new level, below the current one")
            Integer level,

            @Size(max = 2000) String note) {}

    enum Decision {
        UPHOLD,
        LOWER
    }

    @Schema(name = "ResolveAllChallenges")
    record ResolveAll(
            @NotBlank
            @Size(max = 2000)
            @Schema(description = "Why every open challenge is dismissed; " + "written to the ledger with each")
            String reason) {}
}
