package org.devolve.argument;

import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.events.LiveEvents;
import org.devolve.platform.paging.Cursor;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Arguments: a plurality of narratives, not one. Anyone taking part argues during deliberation and voting,
 * whatever their stake (a person at stake 0 has no vote but may still argue); each argument is shown with
 * the group its author declared themself affected as.
 */
@Path("/api/v1/proposals/{proposal}/arguments")
@Tag(name = "Arguments")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class ArgumentResource {

    @Schema(name = "PostArgument")
    record Post(@NotNull @Schema(description = "FOR, AGAINST, or OTHER (another framing)") Argument.Side side,
            @NotBlank @Size(max = 10000) @Schema(description = "Markdown") String body) {
    }

    @Schema(name = "Argument")
    record View(UUID id, Argument.Side side, String body, MemberSummary author,
            @Schema(nullable = true, description = "The affected group the author declared themself in") String group,
            @Schema(nullable = true) Integer stakeLevel, Instant createdAt) {
    }

    private final EntityManager em;
    private final ProposalAccess proposals;
    private final CurrentMember current;
    private final LiveEvents live;
    private final DevolveConfig config;
    private final Clock clock;

    ArgumentResource(EntityManager em, ProposalAccess proposals, CurrentMember current, LiveEvents live,
            DevolveConfig config, Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.current = current;
        this.live = live;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Arguments", description = "Oldest first; filter by side.")
    public Page<View> list(@PathParam("proposal") String proposal,
            @Parameter(schema = @Schema(implementation = Argument.Side.class)) @QueryParam("side") String side,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        Proposal p = proposals.readable(proposal);
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        StringBuilder jpql = new StringBuilder("select a from Argument a where a.proposalId = :p");
        Map<String, Object> params = new HashMap<>();
        params.put("p", p.id);
        Argument.Side only = org.devolve.platform.web.QueryParams.oneOf("side", side, Argument.Side.class);
        if (only != null) {
            params.put("side", only);
            jpql.append(" and a.side = :side");
        }
        page.cursor().ifPresent(c -> {
            jpql.append(" and (a.createdAt > :at or (a.createdAt = :at and a.id > :after))");
            params.put("at", c.instantKey());
            params.put("after", c.id());
        });
        jpql.append(" order by a.createdAt, a.id");
        var query = em.createQuery(jpql.toString(), Argument.class).setMaxResults(page.fetchSize());
        params.forEach(query::setParameter);
        List<Argument> rows = query.getResultList();
        Map<UUID, Object[]> stakes = new HashMap<>();
        Set<UUID> authors = rows.stream().map(a -> a.authorId).collect(Collectors.toSet());
        Map<UUID, MemberSummary> names = Member.summaries(authors);
        if (!authors.isEmpty()) {
            for (Object[] row : em.createQuery("select s.memberId, g.name, s.level from Stake s, AffectedGroup g "
                    + "where g.id = s.groupId and s.proposalId = :p and s.memberId in :ids", Object[].class)
                    .setParameter("p", p.id).setParameter("ids", authors).getResultList()) {
                stakes.put((UUID) row[0], row);
            }
        }
        return Page.of(rows, page.limit(), a -> new Cursor(a.createdAt.toString(), a.id), a -> {
            Object[] stake = stakes.get(a.authorId);
            return new View(a.id, a.side, a.body, names.get(a.authorId), stake == null ? null : (String) stake[1],
                    stake == null ? null : ((Number) stake[2]).intValue(), a.createdAt);
        });
    }

    @POST
    @Transactional
    @Operation(summary = "Argue (participants, during deliberation and voting)")
    @APIResponse(responseCode = "201", description = "Posted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    public Response post(@PathParam("proposal") String proposal, @Valid @NotNull Post post) {
        Proposal p = proposals.forParticipation(proposal, false);
        ProposalAccess.requirePhase(p, "argue", Phase.DELIBERATION, Phase.VOTING);
        Argument a = new Argument();
        a.id = UUID.randomUUID();
        a.proposalId = p.id;
        a.authorId = current.id();
        a.side = post.side();
        a.body = post.body().trim();
        a.createdAt = clock.instant();
        a.persist();
        live.publish(p.id, "argument", Map.of("id", a.id.toString(), "side", a.side.name(),
                "author", current.summary().displayName()));
        Object[] stake = em.createQuery("select g.name, s.level from Stake s, AffectedGroup g where g.id = s.groupId "
                + "and s.proposalId = :p and s.memberId = :me", Object[].class).setParameter("p", p.id)
                .setParameter("me", a.authorId).getResultStream().findFirst().orElse(null);
        return Response.status(201).entity(new View(a.id, a.side, a.body, current.summary(),
                stake == null ? null : (String) stake[0], stake == null ? null : ((Number) stake[1]).intValue(),
                a.createdAt)).build();
    }
}
