package org.devolve.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.annotation.Priority;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ProblemMapper;
import org.devolve.platform.problem.Violation;

/**
 * The one reader of JSON request bodies (every request record of a Devolve feature):
 * <ol>
 *   <li>the bytes must be UTF-8, strictly (no overlong forms such as {@code C0 AF}, no encoded surrogates);</li>
 *   <li>they must be one JSON value, without duplicate keys or anything after it;</li>
 *   <li>each field is bound on its own by {@link StrictBinder}, exactly by type, collecting every violation;</li>
 *   <li>when anything failed, Bean Validation runs on what did bind, and one 400 problem names every
 *       offending field at once (types, enums, unknown fields, blanks, sizes together).</li>
 * </ol>
 * A body that binds cleanly goes on to the endpoint, whose own validation ({@code @Valid}, or a use case's
 * rules that need the annotation and cross-field checks together) runs as before.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
@Priority(Priorities.USER - 500)
public class StrictJsonReader implements MessageBodyReader<Object> {

    private static final ObjectMapper TREES = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final ObjectMapper mapper;
    private final Validator validator;
    private final long maxBytes;

    StrictJsonReader(ObjectMapper mapper, Validator validator, DevolveConfig config) {
        this.mapper = mapper;
        this.validator = validator;
        this.maxBytes = config.api().maxBodyBytes();
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord() && type.getName().startsWith("org.devolve.");
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        byte[] bytes = entityStream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw ProblemException.of(
                    PlatformProblem.PAYLOAD_TOO_LARGE, "The body may be at most " + maxBytes + " bytes");
        }
        String text = utf8(bytes);
        if (text.isBlank()) {
            return null;
        }
        JsonNode tree;
        try {
            tree = TREES.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw ProblemException.of(PlatformProblem.MALFORMED_JSON, "The body could not be read as JSON" + where);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return null;
        }
        if (!tree.isObject()) {
            throw ProblemException.of(PlatformProblem.MALFORMED_JSON, "The body must be a JSON object");
        }
        StrictBinder binder = new StrictBinder(mapper);
        Object bound = binder.bind(tree, genericType, "");
        if (binder.violations().isEmpty()) {
            return bound;
        }
        List<Violation> all = new ArrayList<>(binder.violations());
        if (bound != null) {
            Set<ConstraintViolation<Object>> found = validator.validate(bound);
            for (Violation v : ProblemMapper.violations(found)) {
                if (all.stream().noneMatch(b -> covers(b.field(), v.field()))) {
                    all.add(v);
                }
            }
        }
        all.sort(Comparator.comparing(Violation::field)
                .thenComparing(v -> v.code().name()));
        throw ProblemException.invalid(all);
    }

    /** A field that did not bind is not reported again by Bean Validation (it is null only because of that). */
    private static boolean covers(String failed, String field) {
        return field.equals(failed) || field.startsWith(failed + ".") || field.startsWith(failed + "[");
    }

    private static String utf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.of(PlatformProblem.MALFORMED_JSON, "The body is not valid UTF-8");
        }
    }
}
