package org.devolve.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.BallotBox;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.tally.io.BallotJson;

/** Reading ballots: my current one and my history, the ballots of a public proposal once they are shown. */
@ApplicationScoped
class BallotQueries implements BallotBox {

    private final EntityManager em;
    private final Proposals proposals;
    private final CurrentMember current;

    BallotQueries(EntityManager em, Proposals proposals, CurrentMember current) {
        this.em = em;
        this.proposals = proposals;
        this.current = current;
    }

    @Override
    public boolean hasVoted(UUID proposalId, UUID memberId) {
        return !em.createQuery(
                        "select b.id from Ballot b where b.proposalId = :p and b.voterId = :me "
                                + "and b.current = true",
                        UUID.class)
                .setParameter("p", proposalId)
                .setParameter("me", memberId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Transactional
    BallotViews.Mine mine(String proposalRef) {
        Proposal p = proposals.readable(proposalRef);
        Ballot b = Ballot.find("proposalId = ?1 and voterId = ?2 and current = true", p.id, current.id())
                .firstResult();
        if (b == null) {
            throw ProblemException.notFound("Your ballot in this proposal");
        }
        return mine(p, b);
    }

    /** Oldest first: the last one is current. */
    @Transactional
    Page<BallotViews.Mine> history(String proposalRef, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        return Keyset.of(em, Ballot.class, "b")
                .where("b.proposalId = :p", "p", p.id)
                .where("b.voterId = :me", "me", current.id())
                .orderBy(Keyset.Key.instant("b.castAt"), Keyset.Order.ASC)
                .thenBy("b.id", b -> b.id, Keyset.Order.ASC)
                .fetch(page)
                .as(b -> mine(p, b));
    }

    /**
     * The current ballots of a public proposal, by voter, once voting has closed (or during voting when it shows
     * live results); never those of a secret one. Salts are shown once the proposal is closed.
     */
    @Transactional
    Page<BallotViews.Public> ballots(String proposalRef, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        if (p.secret) {
            throw ProblemException.of(
                    BallotProblem.SECRET_BALLOT, "Ballots of this proposal are secret; " + "see its result for totals");
        }
        if (p.phase != Phase.CLOSED && !(p.phase == Phase.VOTING && p.liveResults)) {
            throw ProblemException.of(BallotProblem.RESULTS_NOT_PUBLIC_YET, "Ballots are shown once voting closes");
        }
        Keyset.Fetched<Ballot> rows = Keyset.of(em, Ballot.class, "b")
                .where("b.proposalId = :p", "p", p.id)
                .where("b.current = true")
                // by voter: the order of the index of one current ballot per voter (ballot_one_current)
                .thenBy("b.voterId", b -> b.voterId, Keyset.Order.ASC)
                .fetch(page);
        Map<UUID, MemberSummary> voters =
                Member.summaries(rows.items().stream().map(b -> b.voterId).toList());
        return rows.as(b -> new BallotViews.Public(
                voters.get(b.voterId),
                BallotContent.of(b),
                b.receipt,
                b.castAt,
                p.phase == Phase.CLOSED ? b.salt : null));
    }

    private static BallotViews.Mine mine(Proposal p, Ballot b) {
        return new BallotViews.Mine(
                BallotContent.of(b),
                b.receipt,
                b.castAt,
                b.current,
                b.salt,
                BallotJson.canonical(p.method, BallotContent.values(p.method, b)));
    }
}
