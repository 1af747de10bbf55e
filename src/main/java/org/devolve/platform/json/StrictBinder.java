package org.devolve.platform.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/**
 * Binds a JSON tree to a request record field by field, exactly by the contract's types: nothing is coerced
 * (a number is not a string, {@code "2"} is not a number, {@code 2.9999} is not a whole number, an enum
 * is one of its names and nothing else), text holds no NUL and no unpaired surrogate, instants lie between
 * {@link #EARLIEST} and {@link #LATEST}. Every offending field is collected, none stops the others; a field
 * that does not bind is left null.
 */
final class StrictBinder {

    /** Instants before 1970 or after year 9999 are refused: no date of a decision lies there. */
    static final Instant EARLIEST = Instant.EPOCH;

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Decimal numbers: at most this many digits before and after the point. */
    private static final int MAX_DIGITS = 18;

    private final ObjectMapper fallback;
    private final List<Violation> violations = new ArrayList<>();

    StrictBinder(ObjectMapper fallback) {
        this.fallback = fallback;
    }

    List<Violation> violations() {
        return violations;
    }

    Object bind(JsonNode node, Type type, String path) {
        Class<?> raw = rawClass(type);
        if (node == null || node.isMissingNode()) {
            return defaultOf(raw);
        }
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                return wrong(path, describe(raw));
            }
            return null;
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                return wrong(path, "a string");
            }
            return text(node.textValue(), path);
        }
        if (raw == Integer.class
                || raw == int.class
                || raw == Long.class
                || raw == long.class
                || raw == Short.class
                || raw == short.class) {
            return whole(node, raw, path);
        }
        if (raw == BigDecimal.class || raw == Double.class || raw == double.class) {
            return decimal(node, raw, path);
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return node.isBoolean() ? node.booleanValue() : wrong(path, "true or false");
        }
        if (raw.isEnum()) {
            return constant(node, raw, path);
        }
        if (raw == UUID.class) {
            return id(node, path);
        }
        if (raw == Instant.class) {
            return instant(node, path);
        }
        if (raw.isRecord()) {
            return record(node, raw, path);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return collection(node, raw, argument(type, 0), path);
        }
        if (Map.class.isAssignableFrom(raw)) {
            return map(node, argument(type, 1), path);
        }
        if (raw == JsonNode.class || raw == Object.class) {
            return node;
        }
        try {
            return fallback.treeToValue(node, raw);
        } catch (Exception e) {
            return wrong(path, describe(raw));
        }
    }

    private Object record(JsonNode node, Class<?> type, String path) {
        if (!node.isObject()) {
            return wrong(path, "an object");
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new HashSet<>();
        for (RecordComponent c : components) {
            known.add(c.getName());
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(new Violation(
                        join(path, printable(name)), ViolationCode.UNKNOWN_FIELD, "is not a known field"));
            }
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            values[i] = bind(node.get(c.getName()), c.getGenericType(), join(path, c.getName()));
            if (values[i] == null && types[i].isPrimitive()) {
                values[i] = defaultOf(types[i]);
            }
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            violations.add(new Violation(path.isEmpty() ? "body" : path, ViolationCode.INVALID_VALUE, "is not valid"));
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot build " + type.getName(), e);
        }
    }

    private Object collection(JsonNode node, Class<?> raw, Type element, String path) {
        if (!node.isArray()) {
            return wrong(path, "an array");
        }
        Collection<Object> out = Set.class.isAssignableFrom(raw) ? new LinkedHashSet<>() : new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(bind(node.get(i), element, path + "[" + i + "]"));
        }
        return out;
    }

    private Object map(JsonNode node, Type value, String path) {
        if (!node.isObject()) {
            return wrong(path, "an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = text(field.getKey(), join(path, printable(field.getKey())));
            Object bound = bind(field.getValue(), value, join(path, printable(field.getKey())));
            if (key != null) {
                out.put(key, bound);
            }
        }
        return out;
    }

    private Object whole(JsonNode node, Class<?> raw, String path) {
        boolean wide = raw == Long.class || raw == long.class;
        boolean narrow = raw == Short.class || raw == short.class;
        if (!node.isIntegralNumber()) {
            return wrong(path, "a whole number");
        }
        if (wide
                ? !node.canConvertToLong()
                : !node.canConvertToInt()
                        || narrow && (node.intValue() < Short.MIN_VALUE || node.intValue() > Short.MAX_VALUE)) {
            violations.add(new Violation(path, ViolationCode.RANGE, "is too large a number"));
            return null;
        }
        if (wide) {
            return node.longValue();
        }
        return narrow ? (Object) (short) node.intValue() : (Object) node.intValue();
    }

    private Object decimal(JsonNode node, Class<?> raw, String path) {
        if (!node.isNumber()) {
            return wrong(path, "a number");
        }
        BigDecimal value = node.decimalValue();
        int scale = Math.max(value.scale(), 0);
        int integerDigits = value.precision() - value.scale();
        if (scale > MAX_DIGITS || integerDigits > MAX_DIGITS) {
            violations.add(new Violation(
                    path,
                    ViolationCode.RANGE,
                    "must have at most " + MAX_DIGITS + " digits before and after the decimal point"));
            return null;
        }
        return raw == BigDecimal.class ? value.stripTrailingZeros() : (Object) value.doubleValue();
    }

    private Object constant(JsonNode node, Class<?> type, String path) {
        Object[] constants = type.getEnumConstants();
        if (node.isTextual()) {
            for (Object c : constants) {
                if (((Enum<?>) c).name().equals(node.textValue())) {
                    return c;
                }
            }
        }
        return wrong(
                path,
                "one of "
                        + Arrays.stream(constants)
                                .map(c -> ((Enum<?>) c).name())
                                .collect(Collectors.joining(", ")));
    }

    private Object id(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().length() == 36) {
            try {
                return UUID.fromString(node.textValue());
            } catch (IllegalArgumentException e) {
                // below
            }
        }
        return wrong(path, "an id (UUID)");
    }

    private Object instant(JsonNode node, String path) {
        if (!node.isTextual()) {
            return wrong(path, "a date-time such as 2026-12-01T18:00:00Z");
        }
        Instant value;
        try {
            value = DateTimeFormatter.ISO_INSTANT.parse(node.textValue(), Instant::from);
        } catch (DateTimeParseException | ArithmeticException e) {
            return wrong(path, "a date-time such as 2026-12-01T18:00:00Z");
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            violations.add(new Violation(path, ViolationCode.RANGE, "must lie between 1970-01-01 and 9999-12-31"));
            return null;
        }
        return value;
    }

    /** The text, when it holds no NUL and no unpaired surrogate (PostgreSQL stores neither). */
    private String text(String value, String path) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                violations.add(new Violation(path, ViolationCode.INVALID_TEXT, "must not contain a NUL character"));
                return null;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                violations.add(
                        new Violation(path, ViolationCode.INVALID_TEXT, "must not contain an unpaired surrogate"));
                return null;
            }
        }
        return value;
    }

    private Object wrong(String path, String expected) {
        violations.add(new Violation(path.isEmpty() ? "body" : path, ViolationCode.WRONG_TYPE, "must be " + expected));
        return null;
    }

    private static Object defaultOf(Class<?> raw) {
        if (raw == boolean.class) {
            return false;
        }
        if (raw == int.class) {
            return 0;
        }
        if (raw == long.class) {
            return 0L;
        }
        if (raw == short.class) {
            return (short) 0;
        }
        if (raw == double.class) {
            return 0.0;
        }
        return null;
    }

    private static String describe(Class<?> raw) {
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == String.class) {
            return "a string";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        return "of another type";
    }

    /** A field name as it may be echoed: without control characters, at most 100 characters. */
    private static String printable(String name) {
        String clean = name.codePoints()
                .filter(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
