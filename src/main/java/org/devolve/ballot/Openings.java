package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devolve.proposal.Proposal;
import org.devolve.tally.io.BallotJson;
import org.devolve.tally.io.LedgerReplay;

/**
 * What the ballot table can say to an audit: the salts of a public proposal's counted ballots (revealed at the
 * close, so that anyone can check each ballot against the commitment in its ledger entry), and for the service's
 * own verify, each current ballot's receipt and the commitment its row recomputes to.
 */
@ApplicationScoped
public class Openings {

    /** A current ballot as the table holds it: its receipt, and the commitment its salt and content give. */
    public record Current(String receipt, String commitment) {}

    private final EntityManager em;

    Openings(EntityManager em) {
        this.em = em;
    }

    /** Receipt → salt of each current ballot of a closed public proposal, in receipt order; none for secret ones. */
    public Map<String, String> revealed(Proposal p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (p.secret) {
            return out;
        }
        em.createQuery(
                        "select b.receipt, b.salt from Ballot b where b.proposalId = :p and b.current = true "
                                + "and b.salt is not null order by b.receipt",
                        Object[].class)
                .setParameter("p", p.id)
                .getResultStream()
                .forEach(r -> out.put((String) r[0], (String) r[1]));
        return out;
    }

    /** Every current ballot of the proposal, with the commitment its row recomputes to (null without a salt). */
    public List<Current> current(Proposal p) {
        // columns, not entities: a million ballots must not fill the persistence context
        return em.createQuery(
                        "select b.receipt, b.salt, b.stance, b.choice, b.approvals, b.scores, b.allocation, "
                                + "b.ranking from Ballot b where b.proposalId = :p and b.current = true order by b.receipt",
                        Object[].class)
                .setParameter("p", p.id)
                .getResultStream()
                .map(r -> {
                    Ballot b = new Ballot();
                    b.stance = (Short) r[2];
                    b.choice = (Short) r[3];
                    b.approvals = (short[]) r[4];
                    b.scores = (short[]) r[5];
                    b.allocation = (int[]) r[6];
                    b.ranking = (short[]) r[7];
                    String salt = (String) r[1];
                    return new Current(
                            (String) r[0],
                            salt == null
                                    ? null
                                    : LedgerReplay.commitment(
                                            salt, BallotJson.canonical(p.method, BallotContent.values(p.method, b))));
                })
                .toList();
    }
}
