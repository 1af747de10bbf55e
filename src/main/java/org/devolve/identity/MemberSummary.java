package org.devolve.identity;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member as others see them: no email. */
@Schema(name = "MemberSummary")
public record MemberSummary(
        @Schema(description = "The member's id in Devolve") UUID id,

        @Schema(description = "The Keycloak username", examples = "bob")
        String username,

        @Schema(description = "The name shown to others", examples = "Bob Okafor")
        String displayName) {}
