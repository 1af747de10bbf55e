package org.devolve.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.tally.Micro;
import org.devolve.tally.TallyResult;

/**
 * Turnout, always live, the same from every replica.
 *
 * <ul>
 *   <li>A closed proposal's turnout is its result's, which never changes: read once (cache {@code closed-turnouts}).</li>
 *   <li>An open proposal's is recounted when something that moves it changes: its ledger (declarations, ballots,
 *       proposal delegations are entries) or its circle's delegations. The count is cached under exactly that
 *       key (cache {@code open-turnouts}), so two replicas answer the same for the same state, and a replica never
 *       serves a count older than the state it has read.</li>
 *   <li>A secret proposal's turnout in voting moves in steps: the published figure changes only once at least k
 *       people more (or fewer) are counted than when it last changed, so that no step isolates one ballot — its
 *       weight would give away its stake level, and with it whose it is. The step is kept in the database
 *       ({@code turnout_step}), so every replica publishes the same one.</li>
 * </ul>
 */
@ApplicationScoped
class Turnouts {

    private record Key(UUID proposal, Phase phase, long ledgerSeq, String delegations) {
    }

    private final Tallying tallying;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache open;
    private final Cache closed;

    Turnouts(Tallying tallying, EntityManager em, ObjectMapper json, Clock clock,
            @CacheName("open-turnouts") Cache open, @CacheName("closed-turnouts") Cache closed) {
        this.tallying = tallying;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.open = open;
        this.closed = closed;
    }

    ResultViews.Turnout of(Proposal p) {
        if (p.phase == Phase.CLOSED) {
            return closed.get(p.id, id -> stored(p)).await().indefinitely();
        }
        Key key = new Key(p.id, p.phase, p.ledgerSeq, delegations(p.circleId));
        ResultViews.Turnout exact = open.get(key, k -> count(p)).await().indefinitely();
        if (p.secret && p.phase == Phase.VOTING) {
            return stepped(p, exact);
        }
        return exact;
    }

    /** What changes the circle's delegations leave behind: a new one, a revoked one. */
    private String delegations(UUID circle) {
        Object[] row = (Object[]) em.createNativeQuery("select count(*), max(created_at), max(revoked_at) "
                + "from delegation where circle_id = :c").setParameter("c", circle).getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }

    private ResultViews.Turnout count(Proposal p) {
        TallyResult r = tallying.now(p, false);
        return view(p, r.turnout(), r.quorum(), clock.instant());
    }

    private ResultViews.Turnout stored(Proposal p) {
        ProposalResult stored = ProposalResult.findById(p.id);
        TallyView v = tallying.view(stored.resultJson);
        return new ResultViews.Turnout(p.id, p.phase, v.turnout().weightCast(), v.turnout().weightDeclared(),
                v.turnout().turnout(), v.turnout().voters(), v.turnout().delegators(), v.turnout().headcount(),
                v.turnout().declarants(), v.quorum().turnout(), v.quorum().headcount(), v.quorum().met(),
                stored.computedAt);
    }

    private static ResultViews.Turnout view(Proposal p, TallyResult.Turnout t, TallyResult.QuorumCheck q, Instant at) {
        return new ResultViews.Turnout(p.id, p.phase, Micro.format(t.weightCast()), Micro.format(t.weightDeclared()),
                Micro.format(t.turnoutPpm()), t.voters(), t.delegators(), t.headcount(), t.declarants(),
                Micro.format(q.turnoutPpm()), q.headcount(), q.met(), at);
    }

    /** The published step of a secret proposal's turnout: moved only when k people more or fewer are counted. */
    private ResultViews.Turnout stepped(Proposal p, ResultViews.Turnout exact) {
        int k = p.minCellVoters;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select headcount, turnout_json from turnout_step "
                + "where proposal_id = :p").setParameter("p", p.id).getResultList();
        if (rows.isEmpty()) {
            // the first step: nobody counted yet, whatever the count says now (the weight declared is public)
            ResultViews.Turnout none = new ResultViews.Turnout(p.id, p.phase, Micro.format(0), exact.weightDeclared(),
                    Micro.format(0), 0, 0, 0, exact.declarants(), exact.quorumTurnout(), exact.quorumHeadcount(),
                    false, clock.instant());
            publish(p, none, -1);
            rows = List.<Object[]>of(new Object[] {0, write(none)});
        }
        int headcount = ((Number) rows.get(0)[0]).intValue();
        if (Math.abs(exact.headcount() - headcount) >= k) {
            publish(p, exact, k);
            return exact;
        }
        return read((String) rows.get(0)[1]);
    }

    /** Writes a step; {@code k < 0}: only if none is there yet; otherwise only if it still is k away. */
    private void publish(Proposal p, ResultViews.Turnout t, int k) {
        em.createNativeQuery("""
                insert into turnout_step (proposal_id, headcount, turnout_json, published_at)
                values (:p, :headcount, :json, :at)
                on conflict (proposal_id) do update set headcount = excluded.headcount,
                       turnout_json = excluded.turnout_json, published_at = excluded.published_at
                 where :k > 0 and abs(turnout_step.headcount - excluded.headcount) >= :k
                """).setParameter("p", p.id).setParameter("headcount", t.headcount()).setParameter("json", write(t))
                .setParameter("at", t.at()).setParameter("k", k).executeUpdate();
    }

    private String write(ResultViews.Turnout t) {
        try {
            return json.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResultViews.Turnout read(String text) {
        try {
            return json.readValue(text, ResultViews.Turnout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
