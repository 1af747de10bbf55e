package org.devolve.circle;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CircleSummary")
public record CircleSummary(
        UUID id,
        @Schema(examples = "riverside-housing") String slug,
        @Schema(examples = "Riverside Housing Cooperative") String name,
        CircleKind kind) {}
