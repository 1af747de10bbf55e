package org.devolve.platform.problem;

/** The reasons shared by every feature: protocol errors, validation, authentication. */
public enum PlatformProblem implements ProblemCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_JSON(400, "The request body is not well-formed JSON"),
    MALFORMED_REQUEST(400, "The request is not well-formed HTTP"),
    INVALID_CURSOR(400, "The paging cursor is not valid"),
    NOT_AUTHENTICATED(401, "Sign-in required"),
    FORBIDDEN(403, "Not allowed"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    CONFLICT(409, "The request conflicts with the current state"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    URI_TOO_LONG(414, "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    HEADERS_TOO_LARGE(431, "The request headers are too large"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Temporarily unavailable");

    private final int status;
    private final String title;

    PlatformProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
