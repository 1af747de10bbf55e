package org.devolve.identity;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Me", description = "The signed-in member, their roles and their circles")
record MeView(
        UUID id,
        String username,
        String displayName,
        @Schema(nullable = true) String email,

        @Schema(description = "Realm roles that Devolve knows: member, admin")
        List<String> roles,

        List<MyCircles.MyCircle> circles) {}
