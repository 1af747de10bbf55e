package org.devolve.circle;

import java.time.Instant;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CircleEvent", description = "A change to a circle's membership, and who made it")
record CircleEventView(
        @Schema(description = "JOINED, ROLE_CHANGED, REMOVED (by someone else) or LEFT (by themself)")
        CircleEventKind kind,

        @Schema(description = "Whose membership changed") MemberSummary member,

        @Schema(nullable = true, description = "Their role from then on; absent once they are out")
        Role role,

        @Schema(nullable = true, description = "Their role before; absent when they joined")
        Role previousRole,

        @Schema(description = "Who made the change") MemberSummary actor,
        Instant at) {}
