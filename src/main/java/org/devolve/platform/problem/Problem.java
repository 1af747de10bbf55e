package org.devolve.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details document, as every error of the API is answered. */
@Schema(name = "Problem", description = "RFC 9457 problem details. `type` is stable per reason; `code` names it.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "requestId", "errors"})
public record Problem(
        @Schema(description = "The problem type, stable per reason", examples = "/problems/validation-failed")
        String type,

        @Schema(description = "A short summary of the problem type", examples = "The request is not valid")
        String title,

        @Schema(description = "The HTTP status", examples = "400")
        int status,

        @Schema(description = "What went wrong this time") String detail,
        @Schema(description = "The request path") String instance,

        @Schema(description = "The reason code", examples = "VALIDATION_FAILED")
        String code,

        @Schema(description = "The request id, also in the X-Request-Id header and the service's logs")
        String requestId,

        @Schema(description = "For validation problems: every offending field")
        List<Violation> errors,

        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    static Problem of(
            ProblemCode code,
            String detail,
            String instance,
            String requestId,
            List<Violation> errors,
            Map<String, Object> extensions) {
        return new Problem(
                code.type(), code.title(), code.status(), detail, instance, code.name(), requestId, errors, extensions);
    }

    /** Extension members (RFC 9457 section 3.2), written beside the standard ones. */
    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Map<String, Object> extensions() {
        return extensions;
    }
}
