package org.devolve.integration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.devolve.circle.CircleSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the integration API reads and answers. */
final class IntegrationViews {

    private IntegrationViews() {}

    @Schema(
            name = "IntegrationRegistration",
            description = "An integration to register: a Keycloak client with " + "the client-credentials grant")
    record Registration(
            @NotBlank
            @Size(max = 200)
            @Schema(description = "The name shown wherever it acts", examples = "Members' register")
            String name,

            @NotBlank
            @Size(max = 255)
            @Pattern(regexp = "[A-Za-z0-9._:-]+")
            @Schema(description = "The Keycloak client id (its tokens' azp)", examples = "devolve-demo-integration")
            String clientId,

            @NotNull @Schema(description = "The circle that owns it; it starts as a plain member of it")
            UUID ownerCircle) {}

    @Schema(name = "Integration", description = "A service account, a member of kind integration")
    record View(
            @Schema(description = "Its member id: facilitators grant it roles in circles with it")
            UUID id,

            String name,
            String clientId,
            CircleSummary ownerCircle,
            boolean enabled,
            @Schema(nullable = true) Instant disabledAt,
            Instant registeredAt) {}
}
