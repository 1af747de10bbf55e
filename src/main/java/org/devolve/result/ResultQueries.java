package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;
import org.devolve.ledger.Ledger;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.CloseProblem;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.proposal.StuckProposals;
import org.devolve.tally.TallyResult;
import org.devolve.tally.io.LedgerReplay;
import org.devolve.tally.io.ResultJson;

/**
 * Reading results: the final tally once a proposal closes (stored with the ledger head it was computed from), the
 * live tally of a public proposal that shows one, the turnout always, and the exports of closed proposals. What a
 * closed proposal answers never changes: each answer carries its entity tag.
 */
@ApplicationScoped
class ResultQueries {

    /** A result, or (when the client holds its tag) just the tag. */
    record Answer(ResultViews.Result result, String sha256, boolean notModified) {}

    /** An export's bytes with their tag, and the file name to save them under. */
    record Download(ClosedExports.Export export, String filename) {}

    private final Proposals proposals;
    private final Tallying tallying;
    private final Turnouts turnouts;
    private final ClosedExports exports;
    private final StuckProposals stuck;
    private final Ledger ledger;
    private final Clock clock;

    ResultQueries(
            Proposals proposals,
            Tallying tallying,
            Turnouts turnouts,
            ClosedExports exports,
            StuckProposals stuck,
            Ledger ledger,
            Clock clock) {
        this.proposals = proposals;
        this.tallying = tallying;
        this.turnouts = turnouts;
        this.exports = exports;
        this.stuck = stuck;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** {@code ifNoneMatch}: the entity tag the client holds, if any. */
    @Transactional
    Answer result(String proposalRef, String ifNoneMatch) {
        Proposal p = proposals.readable(proposalRef);
        if (p.phase == Phase.CLOSED) {
            ProposalResult stored = ProposalResult.findById(p.id);
            String sha = LedgerReplay.sha256(stored.resultJson);
            if (("\"" + sha + "\"").equals(ifNoneMatch)) {
                return new Answer(null, sha, true);
            }
            return new Answer(
                    new ResultViews.Result(
                            p.id, true, stored.ledgerSeq, stored.ledgerHead, stored.computedAt, sha, stored.resultJson),
                    sha,
                    false);
        }
        stuck.of(p).filter(failed -> failed.to() == Phase.CLOSED).ifPresent(failed -> {
            throw CloseProblem.countFailed(failed);
        });
        if (p.phase == Phase.VOTING && p.liveResults && !p.secret) {
            Ledger.Head head = ledger.head(p.id);
            TallyResult live = tallying.now(p, true);
            return new Answer(
                    new ResultViews.Result(
                            p.id, false, head.seq(), head.hash(), clock.instant(), null, ResultJson.write(live)),
                    null,
                    false);
        }
        throw ProblemException.of(
                        ResultProblem.RESULT_NOT_AVAILABLE,
                        p.phase == Phase.VOTING
                                ? "Results are shown once voting closes; turnout is live at /turnout"
                                : "There is no result while the proposal is "
                                        + p.phase.name().toLowerCase(Locale.ROOT))
                .with("phase", p.phase.name());
    }

    @Transactional
    ResultViews.Turnout turnout(String proposalRef) {
        return turnouts.of(proposals.readable(proposalRef));
    }

    /** The tally document of a closed proposal. */
    @Transactional
    Download document(String proposalRef) {
        Proposal p = closed(proposalRef);
        return new Download(exports.document(p), "devolve-" + p.id + ".json");
    }

    /** The same as CSV. */
    @Transactional
    Download csv(String proposalRef) {
        Proposal p = closed(proposalRef);
        return new Download(exports.csv(p), "devolve-" + p.id + ".csv");
    }

    private Proposal closed(String proposalRef) {
        Proposal p = proposals.readable(proposalRef);
        if (p.phase != Phase.CLOSED) {
            throw ProblemException.of(ResultProblem.RESULT_NOT_AVAILABLE, "The export exists once the proposal closes")
                    .with("phase", p.phase.name());
        }
        return p;
    }
}
