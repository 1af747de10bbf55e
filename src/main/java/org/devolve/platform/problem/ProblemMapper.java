package org.devolve.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devolve.platform.database.DatabaseTrouble;
import org.devolve.platform.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response.
 *
 * <p>What reaches the client is the problem's type, title and a detail written for people; never a stack
 * trace, an SQL statement, or the name of a class. Unexpected failures are logged with their request id,
 * and the client is given that id to quote.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** How long a client should wait after a database outage answer (503) before it tries again. */
    static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    ConstraintProblems constraints;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response response = respond(request, e.code(), e.getMessage(), e.violations(), e.extensions());
        Object retryAfter = e.extensions().get("retryAfterSeconds");
        if (retryAfter != null) {
            return Response.fromResponse(response)
                    .header("Retry-After", retryAfter.toString())
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(field(v.getPropertyPath().toString()), code(v), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field)
                .thenComparing(v -> v.code().name()));
        ProblemException problem = ProblemException.invalid(violations);
        return respond(request, problem.code(), problem.getMessage(), problem.violations(), Map.of());
    }

    /**
     * Jackson's failures. Listed one by one because Quarkus ships mappers for some of these types, and a
     * mapper for the exact type wins over one for a supertype.
     */
    @ServerExceptionMapper(
            value = {
                JsonProcessingException.class,
                JsonParseException.class,
                com.fasterxml.jackson.core.io.JsonEOFException.class,
                com.fasterxml.jackson.core.exc.StreamReadException.class,
                JsonMappingException.class,
                MismatchedInputException.class,
                InvalidFormatException.class,
                UnrecognizedPropertyException.class,
                com.fasterxml.jackson.databind.exc.ValueInstantiationException.class,
                com.fasterxml.jackson.databind.exc.InvalidTypeIdException.class,
                com.fasterxml.jackson.databind.exc.InvalidDefinitionException.class
            },
            priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof UnrecognizedPropertyException u) {
            String field = path(u.getPath());
            return invalid(request, new Violation(field, ViolationCode.UNKNOWN_FIELD, "is not a known field"));
        }
        if (e instanceof InvalidFormatException f) {
            return invalid(
                    request,
                    new Violation(
                            path(f.getPath()),
                            ViolationCode.WRONG_TYPE,
                            "must be " + expected(f.getTargetType()) + describeValue(f.getValue())));
        }
        if (e instanceof MismatchedInputException m && !(e instanceof JsonParseException)) {
            String field = path(m.getPath());
            if (field.isEmpty()) {
                return respond(
                        request,
                        PlatformProblem.MALFORMED_JSON,
                        "The body must be a JSON " + expected(m.getTargetType()),
                        List.of(),
                        Map.of());
            }
            return invalid(
                    request, new Violation(field, ViolationCode.WRONG_TYPE, "must be " + expected(m.getTargetType())));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return invalid(
                    request,
                    new Violation(path(m.getPath()), ViolationCode.INVALID_VALUE, "has a value that is not valid"));
        }
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        return respond(
                request,
                PlatformProblem.MALFORMED_JSON,
                "The body could not be read as JSON" + where,
                List.of(),
                Map.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        Response response = respond(
                request,
                PlatformProblem.NOT_AUTHENTICATED,
                "Sign in and send a bearer token from Keycloak in the Authorization header",
                List.of(),
                Map.of());
        return Response.fromResponse(response)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response identityProviderDown(io.quarkus.oidc.OIDCException e, HttpServerRequest request) {
        LOG.warnf("Request %s: the identity provider is not available: %s", RequestIds.of(request), e.getMessage());
        return Response.fromResponse(respond(
                        request,
                        PlatformProblem.SERVICE_UNAVAILABLE,
                        "The sign-in service cannot be reached just now; try again in a minute",
                        List.of(),
                        Map.of()))
                .header("Retry-After", "30")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, PlatformProblem.FORBIDDEN, "Your roles do not allow this request", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json(json, request);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        ProblemCode code = switch (status) {
            case 400 -> PlatformProblem.VALIDATION_FAILED;
            case 401 -> PlatformProblem.NOT_AUTHENTICATED;
            case 403 -> PlatformProblem.FORBIDDEN;
            case 404 -> PlatformProblem.NOT_FOUND;
            case 405 -> PlatformProblem.METHOD_NOT_ALLOWED;
            case 406 -> PlatformProblem.NOT_ACCEPTABLE;
            case 413 -> PlatformProblem.PAYLOAD_TOO_LARGE;
            case 415 -> PlatformProblem.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> PlatformProblem.TOO_MANY_REQUESTS;
            case 503 -> PlatformProblem.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? PlatformProblem.INTERNAL_ERROR : PlatformProblem.CONFLICT;
        };
        if (status >= 500) {
            LOG.errorf(e, "Request %s failed", RequestIds.of(request));
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "This resource answers in JSON; ask for application/json";
            case 415 -> "Send the body as application/json";
            default -> code.title();
        };
        Response response = respond(request, code, detail, List.of(), Map.of());
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(response)
                    .header("Allow", e.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Optional<ProblemException> known = constraints.explain(e);
        if (known.isPresent()) {
            return problem(known.get(), request);
        }
        if (DatabaseTrouble.isOutage(e)) {
            LOG.warnf(
                    "Request %s %s %s: the database is not available: %s",
                    RequestIds.of(request), request.method(), request.path(), e.toString());
            return Response.fromResponse(respond(
                            request,
                            PlatformProblem.SERVICE_UNAVAILABLE,
                            "The database cannot be reached just now; nothing was changed. Try again in a few seconds.",
                            List.of(),
                            Map.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String id = RequestIds.of(request);
        LOG.errorf(e, "Request %s %s %s failed", id, request.method(), request.path());
        return respond(
                request,
                PlatformProblem.INTERNAL_ERROR,
                "Something went wrong on our side. If it persists, quote request id " + id + ".",
                List.of(),
                Map.of());
    }

    private Response invalid(HttpServerRequest request, Violation violation) {
        ProblemException problem = ProblemException.invalid(List.of(violation));
        return respond(request, problem.code(), problem.getMessage(), problem.violations(), Map.of());
    }

    static Response respond(
            HttpServerRequest request,
            ProblemCode code,
            String detail,
            List<Violation> errors,
            Map<String, Object> extensions) {
        Problem body = Problem.of(
                code, detail, request == null ? null : request.path(), RequestIds.of(request), errors, extensions);
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    /** {@code create.request.options[1].name} becomes {@code options[1].name}. */
    static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        if (parts.length <= 2) {
            return parts[parts.length - 1];
        }
        return String.join(".", Arrays.copyOfRange(parts, 2, parts.length));
    }

    /**
     * The violations of an object validated by hand (its property paths are relative to it), for use cases
     * that report annotation and cross-field rules together.
     */
    public static List<Violation> violations(Set<? extends ConstraintViolation<?>> found) {
        List<Violation> out = new ArrayList<>();
        for (ConstraintViolation<?> v : found) {
            out.add(new Violation(
                    v.getPropertyPath()
                            .toString()
                            .replace(".<list element>", "")
                            .replace(".<map value>", ""),
                    code(v),
                    v.getMessage()));
        }
        out.sort(Comparator.comparing(Violation::field)
                .thenComparing(v -> v.code().name()));
        return out;
    }

    private static ViolationCode code(ConstraintViolation<?> v) {
        return ViolationCode.ofConstraint(
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "an id (UUID)";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "a date-time such as 2026-12-01T18:00:00Z";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "of another type";
    }

    private static String describeValue(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        return text.length() > 40 ? "" : " (got \"" + text + "\")";
    }
}
