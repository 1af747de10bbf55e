package org.devolve.identity;

import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Cursor;
import org.devolve.platform.paging.Like;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.web.Ids;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/members")
@Tag(name = "Identity")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class MemberResource {

    private final EntityManager em;
    private final DevolveConfig config;
    private final CurrentMember current;

    MemberResource(EntityManager em, DevolveConfig config, CurrentMember current) {
        this.em = em;
        this.config = config;
        this.current = current;
    }

    @GET
    @Operation(summary = "Find members by name",
            description = "Members whose display name or username contains the text, by name. "
                    + "Used to add people to a circle. Only people who have signed in once are known.")
    public Page<MemberSummary> search(
            @Parameter(description = "Text to look for in names (case-insensitive)") @QueryParam("q") String q,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        current.summary();
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        StringBuilder jpql = new StringBuilder("select m, lower(m.displayName) from Member m where 1 = 1");
        String pattern = null;
        if (q != null && !q.isBlank()) {
            if (q.length() > 100) {
                throw ProblemException.invalid("q", "SIZE", "must be at most 100 characters");
            }
            pattern = Like.containing(q);
            jpql.append(" and (lower(m.displayName) like :pattern escape '\\' or lower(m.username) like :pattern escape '\\')");
        }
        if (page.cursor().isPresent()) {
            jpql.append(" and (lower(m.displayName) > :key or (lower(m.displayName) = :key and m.id > :after))");
        }
        jpql.append(" order by lower(m.displayName), m.id");
        var query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(page.fetchSize());
        if (pattern != null) {
            query.setParameter("pattern", pattern);
        }
        page.cursor().ifPresent(c -> query.setParameter("key", c.key()).setParameter("after", c.id()));
        List<Object[]> rows = query.getResultList();
        return Page.of(rows, page.limit(),
                row -> new Cursor((String) row[1], ((Member) row[0]).id), row -> ((Member) row[0]).summary());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One member")
    public MemberSummary one(@PathParam("id") String id) {
        current.summary();
        UUID uuid = Ids.parse(id).orElseThrow(() -> ProblemException.notFound("Member " + id));
        Member member = Member.findById(uuid);
        if (member == null) {
            throw ProblemException.notFound("Member " + id);
        }
        return member.summary();
    }
}
