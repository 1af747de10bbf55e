package org.devolve.ballot;

import io.quarkus.security.Authenticated;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.platform.paging.Cursor;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** My ballot (a singleton resource), its history, and the ballots of public proposals. */
@Path("/api/v1/proposals/{proposal}")
@Tag(name = "Ballots")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class BallotResource {

    private final CastBallot cast;
    private final ProposalAccess proposals;
    private final CurrentMember current;
    private final EntityManager em;
    private final DevolveConfig config;

    BallotResource(CastBallot cast, ProposalAccess proposals, CurrentMember current, EntityManager em,
            DevolveConfig config) {
        this.cast = cast;
        this.proposals = proposals;
        this.current = current;
        this.em = em;
        this.config = config;
    }

    @PUT
    @Path("/ballot")
    @Operation(summary = "Cast or change my ballot (while voting is open)", description = "The last ballot before "
            + "the close counts; earlier ones are kept. Casting the same ballot again changes nothing. The receipt "
            + "is the hash of the ledger entry that records the ballot.")
    @APIResponse(responseCode = "201", description = "A new ballot was recorded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BallotViews.Mine.class)))
    @APIResponse(responseCode = "200", description = "Same as my current ballot: nothing changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BallotViews.Mine.class)))
    public Response put(@PathParam("proposal") String proposal, @Valid @NotNull BallotContent ballot) {
        CastBallot.Cast result = cast.cast(proposal, ballot);
        return Response.status(result.changed() ? 201 : 200)
                .entity(new BallotViews.Mine(ballot, result.receipt(), result.castAt(), true, result.salt(),
                        result.committed())).build();
    }

    @GET
    @Path("/ballot")
    @Transactional
    @Operation(summary = "My current ballot")
    public BallotViews.Mine mine(@PathParam("proposal") String proposal) {
        Proposal p = proposals.readable(proposal);
        Ballot b = Ballot.find("proposalId = ?1 and voterId = ?2 and current = true", p.id, current.id()).firstResult();
        if (b == null) {
            throw ProblemException.notFound("Your ballot in this proposal");
        }
        return mine(p, b);
    }

    @GET
    @Path("/ballot/history")
    @Transactional
    @Operation(summary = "Every ballot I cast in this proposal", description = "Oldest first; the last one is current.")
    public Page<BallotViews.Mine> history(@PathParam("proposal") String proposal,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        Proposal p = proposals.readable(proposal);
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        StringBuilder jpql = new StringBuilder("select b from Ballot b where b.proposalId = :p and b.voterId = :me");
        page.cursor().ifPresent(c -> jpql.append(" and (b.castAt > :at or (b.castAt = :at and b.id > :after))"));
        var query = em.createQuery(jpql.append(" order by b.castAt, b.id").toString(), Ballot.class)
                .setParameter("p", p.id).setParameter("me", current.id()).setMaxResults(page.fetchSize());
        page.cursor().ifPresent(c -> query.setParameter("at", c.instantKey()).setParameter("after", c.id()));
        return Page.of(query.getResultList(), page.limit(), b -> new Cursor(b.castAt.toString(), b.id),
                b -> mine(p, b));
    }

    @GET
    @Path("/ballots")
    @Transactional
    @Operation(summary = "Who voted what (public proposals)", description = "Current ballots, by voter name, once "
            + "voting has closed (or during voting when the proposal shows live results). Never for secret ballots.")
    public Page<BallotViews.Public> ballots(@PathParam("proposal") String proposal,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` cursor of the previous page") @QueryParam("cursor") String cursor) {
        Proposal p = proposals.readable(proposal);
        if (p.secret) {
            throw ProblemException.of(BallotProblem.SECRET_BALLOT, "Ballots of this proposal are secret; "
                    + "see its result for totals");
        }
        if (p.phase != Phase.CLOSED && !(p.phase == Phase.VOTING && p.liveResults)) {
            throw ProblemException.of(BallotProblem.RESULTS_NOT_PUBLIC_YET, "Ballots are shown once voting closes");
        }
        PageRequest page = PageRequest.of(limit, cursor, config.paging());
        StringBuilder jpql = new StringBuilder("select b from Ballot b where b.proposalId = :p and b.current = true");
        page.cursor().ifPresent(c -> jpql.append(" and b.id > :after"));
        jpql.append(" order by b.id");
        var query = em.createQuery(jpql.toString(), Ballot.class).setParameter("p", p.id)
                .setMaxResults(page.fetchSize());
        page.cursor().ifPresent(c -> query.setParameter("after", c.id()));
        List<Ballot> rows = query.getResultList();
        Map<UUID, MemberSummary> voters = Member.summaries(rows.stream().map(b -> b.voterId).toList());
        return Page.of(rows, page.limit(), b -> new Cursor("", b.id),
                b -> new BallotViews.Public(voters.get(b.voterId), BallotContent.of(b), b.receipt, b.castAt,
                        p.phase == Phase.CLOSED ? b.salt : null));
    }

    private static BallotViews.Mine mine(Proposal p, Ballot b) {
        return new BallotViews.Mine(BallotContent.of(b), b.receipt, b.castAt, b.current, b.salt,
                org.devolve.tally.io.BallotJson.canonical(p.method, BallotContent.values(p.method, b)));
    }
}
