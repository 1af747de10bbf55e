package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devolve.ledger.Ledger;
import org.devolve.proposal.CountDiagnosis;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;
import org.devolve.tally.InvalidTallyException;
import org.devolve.tally.Violation;

/**
 * Names the stake row behind a count the engine refuses. The engine reports a row by its place in its
 * input ({@code ballots[3].allocation}); the input read in a fixed order (the export's: groups in order,
 * then members by id) puts the same row at the same place every time, so that place leads back to the row.
 */
@ApplicationScoped
class CountDiagnostics implements CountDiagnosis {

    private static final Pattern ROW = Pattern.compile("^ballots\\[(\\d+)]");

    private final TallyReader reader;
    private final Stakes stakes;
    private final Proposals proposals;
    private final Ledger ledger;

    CountDiagnostics(TallyReader reader, Stakes stakes, Proposals proposals, Ledger ledger) {
        this.reader = reader;
        this.stakes = stakes;
        this.proposals = proposals;
        this.ledger = ledger;
    }

    @Override
    public Optional<String> offendingRow(Proposal p) {
        Violation first;
        try {
            reader.readOrdered(p, Instant.now(), ledger.head(p.id).hash());
            return Optional.empty();
        } catch (InvalidTallyException refused) {
            first = refused.violations().get(0);
        }
        Matcher row = ROW.matcher(first.path());
        if (!row.find()) {
            return Optional.empty();
        }
        Optional<Stakes.RowId> found =
                stakes.at(p.id, proposals.groups(p.id).stream().map(g -> g.id).toList(), Long.parseLong(row.group(1)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Stakes.RowId stake = found.get();
        return Optional.of("stake " + stake.stakeId() + " (member " + stake.memberId() + "), " + first.reason() + " at "
                + first.path().replaceFirst("^ballots\\[\\d+]\\.?", "") + ": " + first.detail());
    }
}
