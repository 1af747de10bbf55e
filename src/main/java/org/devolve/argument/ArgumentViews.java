package org.devolve.argument;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ArgumentViews {

    private ArgumentViews() {}

    @Schema(name = "PostArgument")
    record Post(
            @NotNull @Schema(description = "FOR, AGAINST, or OTHER (another framing)")
            Argument.Side side,

            @NotBlank @Size(max = 10000) @Schema(description = "Markdown")
            String body) {}

    @Schema(name = "Argument")
    record View(
            UUID id,
            Argument.Side side,
            String body,
            MemberSummary author,

            @Schema(nullable = true, description = "The affected group the author declared themself in")
            String group,

            @Schema(nullable = true) Integer stakeLevel,
            Instant createdAt,

            @Schema(nullable = true, description = "When its author last edited it (its history: …/revisions)")
            Instant editedAt,

            @Schema(nullable = true, description = "When its author removed it; its body is then empty")
            Instant removedAt) {}

    @Schema(name = "EditArgument")
    record Edit(
            @NotBlank @Size(max = 10000) @Schema(description = "Markdown")
            String body) {}

    @Schema(name = "ArgumentRevision", description = "An earlier text of an argument, replaced by an edit")
    record Revision(
            String body,

            @Schema(description = "When this text was written")
            Instant writtenAt,

            @Schema(description = "When an edit replaced it")
            Instant replacedAt) {}
}
