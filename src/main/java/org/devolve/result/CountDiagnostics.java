package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.devolve.proposal.CountDiagnosis;
import org.devolve.proposal.Proposal;
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
    private final EntityManager em;

    CountDiagnostics(TallyReader reader, EntityManager em) {
        this.reader = reader;
        this.em = em;
    }

    @Override
    public Optional<String> offendingRow(Proposal p) {
        Violation first;
        try {
            reader.readOrdered(p, java.time.Instant.now(), p.ledgerHead);
            return Optional.empty();
        } catch (InvalidTallyException refused) {
            first = refused.violations().get(0);
        }
        Matcher row = ROW.matcher(first.path());
        if (!row.find()) {
            return Optional.empty();
        }
        List<?> found = em.createNativeQuery("""
                select s.id, s.member_id from stake s join affected_group g on g.id = s.group_id
                where s.proposal_id = :p order by g.position, s.member_id offset :n limit 1""")
                .setParameter("p", p.id).setParameter("n", Integer.parseInt(row.group(1))).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] stake = (Object[]) found.get(0);
        return Optional.of("stake " + stake[0] + " (member " + stake[1] + "), " + first.reason() + " at "
                + first.path().replaceFirst("^ballots\\[\\d+]\\.?", "") + ": " + first.detail());
    }
}
