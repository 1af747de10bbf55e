package org.devolve.platform.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with a request: the offending field (a JSON pointer-like dotted path such as
 * {@code options[2].name}, or a query parameter name), a stable code and a human message.
 */
@Schema(name = "Violation", description = "One offending field of a request")
public record Violation(
        @Schema(
                description = "The field: a dotted path into the body, or a query or path parameter name",
                examples = "name")
        String field,

        @Schema(implementation = String.class, description = "A stable code for the reason", examples = "SIZE")
        FieldCode code,

        @Schema(description = "A human explanation", examples = "must be between 1 and 200 characters")
        String message) {}
