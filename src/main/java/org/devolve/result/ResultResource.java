package org.devolve.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.devolve.platform.problem.ProblemException;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.CloseProblem;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.devolve.proposal.StuckProposals;
import org.devolve.tally.TallyResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Results: the final tally once a proposal closes (stored with the ledger head it was computed from), the
 * live tally during voting only where the proposal opted in (no bandwagon otherwise), turnout always, and
 * the export anyone can recount: {@code java -jar devolve-recount.jar export.json}.
 */
@Path("/api/v1/proposals/{proposal}")
@Tag(name = "Results")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
class ResultResource {

    private final ProposalAccess proposals;
    private final Tallying tallying;
    private final TurnoutCache turnout;
    private final ObjectMapper json;
    private final StuckProposals stuck;

    ResultResource(ProposalAccess proposals, Tallying tallying, TurnoutCache turnout, ObjectMapper json,
            StuckProposals stuck) {
        this.proposals = proposals;
        this.tallying = tallying;
        this.turnout = turnout;
        this.json = json;
        this.stuck = stuck;
    }

    @GET
    @Path("/result")
    @Transactional
    @Operation(summary = "The result", description = "Final once closed; during voting only when the proposal shows "
            + "live results. Outcome, totals, turnout, quorum, threshold, protection, ties with their rule, the "
            + "breakdown by affected group and stake level, the one-person-one-vote counterfactual, delegated weight "
            + "and fragility. While a close that is due keeps failing to count, `409 COUNT_FAILED` says why.")
    public ResultViews.Result result(@PathParam("proposal") String proposal) {
        Proposal p = proposals.readable(proposal);
        if (p.phase == Phase.CLOSED) {
            ProposalResult stored = ProposalResult.findById(p.id);
            return new ResultViews.Result(p.id, true, stored.ledgerSeq, stored.ledgerHead, stored.computedAt,
                    Ledger.sha256(stored.resultJson), tallying.view(stored.resultJson));
        }
        stuck.of(p).filter(failed -> failed.to() == Phase.CLOSED).ifPresent(failed -> {
            throw CloseProblem.countFailed(failed);
        });
        if (p.phase == Phase.VOTING && p.liveResults) {
            TallyResult live = tallying.now(p, true);
            return new ResultViews.Result(p.id, false, p.ledgerSeq, p.ledgerHead, java.time.Instant.now(), null,
                    tallying.view(live.toJson()));
        }
        throw ProblemException.of(ResultProblem.RESULT_NOT_AVAILABLE, p.phase == Phase.VOTING
                ? "Results are shown once voting closes; turnout is live at /turnout"
                : "There is no result while the proposal is " + p.phase.name().toLowerCase(java.util.Locale.ROOT))
                .with("phase", p.phase.name());
    }

    @GET
    @Path("/turnout")
    @Transactional
    @Operation(summary = "Turnout, always live", description = "Weight cast (own and delegated ballots) ÷ weight "
            + "declared, heads, and whether the quorum is met so far.")
    public ResultViews.Turnout turnout(@PathParam("proposal") String proposal) {
        return turnout.of(proposals.readable(proposal));
    }

    @GET
    @Path("/export.json")
    @Transactional
    @Operation(summary = "The tally document (closed proposals)", description = "The engine's input, from which "
            + "anyone can recount with `java -jar devolve-recount.jar export.json` and get the same totals. In secret "
            + "proposals voters are pseudonyms. Format: docs/tally-format.md.")
    @APIResponse(responseCode = "200", description = "The tally document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "See docs/tally-document.schema.json")))
    public Response exportJson(@PathParam("proposal") String proposal) {
        Proposal p = closed(proposal);
        return Response.ok(tallying.document(p), MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"devolve-" + p.id + ".json\"")
                .build();
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Transactional
    @Operation(summary = "The tally document as CSV (closed proposals)", description = "One line per declaration: "
            + "voter, stake, group, weight, delegate, ballot.")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response exportCsv(@PathParam("proposal") String proposal) {
        Proposal p = closed(proposal);
        return Response.ok(ExportCsv.of(tallying.document(p), json), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"devolve-" + p.id + ".csv\"")
                .build();
    }

    private Proposal closed(String proposal) {
        Proposal p = proposals.readable(proposal);
        if (p.phase != Phase.CLOSED) {
            throw ProblemException.of(ResultProblem.RESULT_NOT_AVAILABLE, "The export exists once the proposal closes")
                    .with("phase", p.phase.name());
        }
        return p;
    }
}
