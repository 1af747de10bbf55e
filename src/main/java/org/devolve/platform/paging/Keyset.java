package org.devolve.platform.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.devolve.platform.problem.PlatformProblem;
import org.devolve.platform.problem.ProblemException;

/**
 * A keyset-paged JPQL query, the one way every list of the API pages: rows ordered by a sort key and then by an
 * id, each page fetched with one more row than it shows (to know whether another follows), and the next page
 * starting strictly after the last row shown, {@code (key, id) > (last key, last id)} in the list's order. Unlike
 * {@code OFFSET}, a page costs the same however deep it is, and rows inserted meanwhile never shift the pages.
 *
 * <pre>{@code
 * Keyset.Fetched<Argument> rows = Keyset.of(em, Argument.class, "a")
 *         .where("a.proposalId = :p", "p", proposalId)
 *         .orderBy(Keyset.Key.instant("a.createdAt"), Keyset.Order.ASC)
 *         .thenBy("a.id", a -> a.id, Keyset.Order.ASC)
 *         .fetch(page);
 * }</pre>
 *
 * <p>The sort key is selected with the row, so the cursor carries the database's own value (for
 * {@code lower(name)}, PostgreSQL's lower-casing, not Java's). Conditions are JPQL written by the caller with named
 * parameters; values never enter the text.
 *
 * @param <T> the entity listed
 */
public final class Keyset<T> {

    /** The direction of the sort key or of the id. */
    public enum Order {
        ASC(">", "asc"),
        DESC("<", "desc");

        private final String after;
        private final String sql;

        Order(String after, String sql) {
            this.after = after;
            this.sql = sql;
        }
    }

    /** A sort key: its JPQL expression, and how its value is written in a cursor and read back. */
    public record Key<K>(String path, Function<String, K> parse) {

        /** A timestamp, written ISO-8601; a cursor outside 1970..9999 is refused (see {@link Cursor#instantKey}). */
        public static Key<Instant> instant(String path) {
            return new Key<>(path, Cursor::instant);
        }

        public static Key<String> text(String path) {
            return new Key<>(path, text -> text);
        }

        /** A {@code smallint} attribute (a stake level). */
        public static Key<Short> smallNumber(String path) {
            return new Key<>(path, Short::parseShort);
        }

        /** A {@code bigint} attribute (a sequence number). */
        public static Key<Long> number(String path) {
            return new Key<>(path, Long::parseLong);
        }

        K read(String text) {
            try {
                return parse.apply(text);
            } catch (NumberFormatException e) {
                throw ProblemException.of(PlatformProblem.INVALID_CURSOR, "The cursor is not one this list gave out");
            }
        }
    }

    /** The rows of one page, and the cursor of the next (null on the last page). */
    public record Fetched<T>(List<T> items, String next) {

        /** The page as the API shows it. */
        public <V> Page<V> as(Function<T, V> view) {
            return new Page<>(items.stream().map(view).toList(), next);
        }
    }

    private final EntityManager em;
    private final Class<T> type;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private Key<?> key;
    private Order keyOrder;
    private String idPath;
    private Function<T, UUID> idOf;
    private Order idOrder;

    private Keyset(EntityManager em, Class<T> type, String alias) {
        this.em = em;
        this.type = type;
        this.alias = alias;
    }

    /** Rows of the entity {@code type}, named {@code alias} in the conditions. */
    public static <T> Keyset<T> of(EntityManager em, Class<T> type, String alias) {
        return new Keyset<>(em, type, alias);
    }

    /** A JPQL condition without parameters. */
    public Keyset<T> where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A JPQL condition with one named parameter. */
    public Keyset<T> where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** A parameter used by a condition given before (a condition naming two parameters, say). */
    public Keyset<T> with(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /** Orders by this key first. Lists without one are ordered by their id alone. */
    public Keyset<T> orderBy(Key<?> key, Order order) {
        this.key = key;
        this.keyOrder = order;
        return this;
    }

    /** Then by the row's id, which must be unique: ties of the key are broken by it, so every row has one place. */
    public Keyset<T> thenBy(String idPath, Function<T, UUID> idOf, Order order) {
        this.idPath = idPath;
        this.idOf = idOf;
        this.idOrder = order;
        return this;
    }

    /** The page after the request's cursor (the first page without one). */
    public Fetched<T> fetch(PageRequest request) {
        if (idPath == null) {
            throw new IllegalStateException("A keyset list needs its unique id: call thenBy");
        }
        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> values = new LinkedHashMap<>(parameters);
        request.cursor().ifPresent(c -> {
            values.put("keysetAfter", c.id());
            if (key == null) {
                where.add(idPath + " " + idOrder.after + " :keysetAfter");
            } else {
                values.put("keysetKey", key.read(c.key()));
                where.add("(" + key.path() + " " + keyOrder.after + " :keysetKey or (" + key.path()
                        + " = :keysetKey and " + idPath + " " + idOrder.after + " :keysetAfter))");
            }
        });
        StringBuilder jpql = new StringBuilder("select ").append(alias);
        if (key != null) {
            jpql.append(", ").append(key.path());
        }
        jpql.append(" from ").append(type.getSimpleName()).append(' ').append(alias);
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        jpql.append(" order by ");
        if (key != null) {
            jpql.append(key.path()).append(' ').append(keyOrder.sql).append(", ");
        }
        jpql.append(idPath).append(' ').append(idOrder.sql);
        TypedQuery<Object> query = em.createQuery(jpql.toString(), Object.class).setMaxResults(request.fetchSize());
        values.forEach(query::setParameter);
        List<Object> rows = query.getResultList();
        boolean more = rows.size() > request.limit();
        List<Object> shown = more ? rows.subList(0, request.limit()) : rows;
        List<T> items = new ArrayList<>(shown.size());
        for (Object row : shown) {
            items.add(type.cast(key == null ? row : ((Object[]) row)[0]));
        }
        String next = null;
        if (more) {
            Object last = shown.get(shown.size() - 1);
            String lastKey = key == null ? "" : String.valueOf(((Object[]) last)[1]);
            next = new Cursor(lastKey, idOf.apply(items.get(items.size() - 1))).encode();
        }
        return new Fetched<>(items, next);
    }
}
