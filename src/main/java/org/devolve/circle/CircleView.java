package org.devolve.circle;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Circle", description = "A circle with its place in the graph of circles")
record CircleView(
        UUID id,
        String slug,
        String name,
        String description,
        CircleKind kind,
        @Schema(description = "Circles this one belongs to") List<CircleSummary> parents,

        @Schema(description = "Circles that belong to this one")
        List<CircleSummary> children,

        long memberCount,
        long facilitatorCount,

        @Schema(description = "The caller's role here; absent when they are not a member", nullable = true)
        Role myRole,

        @Schema(description = "Whether the caller may manage members: facilitators and admins")
        boolean canManage,

        CirclePolicy policy,
        Instant createdAt) {}
