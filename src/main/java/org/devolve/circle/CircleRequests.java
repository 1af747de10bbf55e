package org.devolve.circle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of circle requests. */
final class CircleRequests {

    private CircleRequests() {}

    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    @Schema(name = "CreateCircle")
    record Create(
            @NotBlank @Size(max = 200) @Schema(examples = "Riverside Housing Cooperative")
            String name,

            @Size(max = 64)
            @Pattern(regexp = SLUG, message = "must be lower-case letters and digits separated by single hyphens")
            @Schema(description = "URL name; derived from the name when absent", examples = "riverside-housing")
            String slug,

            @Size(max = 10000) @Schema(description = "Markdown")
            String description,

            @NotNull CircleKind kind,

            @Size(max = 20) @Schema(description = "Ids of the circles this one belongs to")
            List<@NotNull UUID> parents) {}

    @Schema(name = "EditCircle")
    record Edit(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 10000) String description,
            @NotNull CircleKind kind) {}

    @Schema(name = "SetMembership")
    record SetMembership(@NotNull Role role) {}
}
