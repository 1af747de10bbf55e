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
import org.devolve.delegation.Delegations;
import org.devolve.ledger.Ledger;
import org.devolve.platform.database.DatabaseState;
import org.devolve.proposal.CloseProblem;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.tally.InvalidTallyException;
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
 *       ({@code turnout_step}), so every replica publishes the same one; {@link #advance} moves it (the scheduler
 *       calls it every two seconds, so that reading turnout never writes anything).</li>
 * </ul>
 */
@ApplicationScoped
class Turnouts {

    private record Key(UUID proposal, Phase phase, long ledgerSeq, String delegations) {}

    private final Tallying tallying;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache open;
    private final Cache closed;
    private final DatabaseState database;

    private final Proposals proposals;
    private final Ledger ledger;
    private final Delegations delegations;

    Turnouts(
            Tallying tallying,
            EntityManager em,
            ObjectMapper json,
            Clock clock,
            @CacheName("open-turnouts") Cache open,
            @CacheName("closed-turnouts") Cache closed,
            DatabaseState database,
            Proposals proposals,
            Ledger ledger,
            Delegations delegations) {
        this.proposals = proposals;
        this.ledger = ledger;
        this.delegations = delegations;
        this.tallying = tallying;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.open = open;
        this.closed = closed;
        this.database = database;
    }

    ResultViews.Turnout of(Proposal p) {
        if (p.phase == Phase.CLOSED) {
            return closed.get(p.id, id -> stored(p)).await().indefinitely();
        }
        Key key = new Key(p.id, p.phase, ledger.head(p.id).seq(), delegations.circleStamp(p.circleId));
        ResultViews.Turnout exact = open.get(key, k -> count(p)).await().indefinitely();
        if (p.secret && p.phase == Phase.VOTING) {
            return stepped(p, exact);
        }
        return exact;
    }

    private ResultViews.Turnout count(Proposal p) {
        TallyResult r;
        try {
            r = tallying.now(p, false);
        } catch (InvalidTallyException refused) {
            // stored data the engine refuses (the scheduler shows the proposal as stuck): a problem, not a 500
            throw CloseProblem.uncountable(refused);
        }
        return view(p, r.turnout(), r.quorum(), clock.instant());
    }

    /** The turnout of a closed proposal: the stored result's (the engine's JSON, ResultJson's names). */
    private ResultViews.Turnout stored(Proposal p) {
        ProposalResult stored = ProposalResult.findById(p.id);
        com.fasterxml.jackson.databind.JsonNode result;
        try {
            result = json.readTree(stored.resultJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored result is not JSON", e);
        }
        com.fasterxml.jackson.databind.JsonNode t = result.required("turnout");
        com.fasterxml.jackson.databind.JsonNode q = result.required("quorum");
        return new ResultViews.Turnout(
                p.id,
                p.phase,
                t.required("weightCast").asText(),
                t.required("weightDeclared").asText(),
                t.required("turnout").asText(),
                t.required("voters").asInt(),
                t.required("delegators").asInt(),
                t.required("headcount").asInt(),
                t.required("declarants").asInt(),
                q.required("turnout").asText(),
                q.required("headcount").asInt(),
                q.required("met").asBoolean(),
                stored.computedAt);
    }

    private static ResultViews.Turnout view(Proposal p, TallyResult.Turnout t, TallyResult.QuorumCheck q, Instant at) {
        return new ResultViews.Turnout(
                p.id,
                p.phase,
                Micro.format(t.weightCast()),
                Micro.format(t.weightDeclared()),
                Micro.format(t.turnoutPpm()),
                t.voters(),
                t.delegators(),
                t.headcount(),
                t.declarants(),
                Micro.format(q.turnoutPpm()),
                q.headcount(),
                q.met(),
                at);
    }

    /** The published step of a secret proposal's turnout; nobody counted until the first step is published. */
    private ResultViews.Turnout stepped(Proposal p, ResultViews.Turnout exact) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select turnout_json from turnout_step where proposal_id = :p")
                .setParameter("p", p.id)
                .getResultList();
        if (rows.isEmpty()) {
            return new ResultViews.Turnout(
                    p.id,
                    p.phase,
                    Micro.format(0),
                    exact.weightDeclared(),
                    Micro.format(0),
                    0,
                    0,
                    0,
                    exact.declarants(),
                    exact.quorumTurnout(),
                    exact.quorumHeadcount(),
                    false,
                    p.votingOpenedAt);
        }
        return read((String) rows.get(0));
    }

    /**
     * Moves the published step of each secret proposal in voting whose count is now k people or more away from it.
     * Safe with several replicas: the step moves only while the condition still holds, in one statement.
     */
    @io.quarkus.scheduler.Scheduled(
            every = "${devolve.turnout.step-every:2s}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP,
            identity = "devolve-turnout-steps")
    void advance() {
        if (!database.ready()) {
            return; // not migrated yet, or the database is away: the next tick tries again
        }
        List<UUID> voting =
                io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(proposals::secretInVoting);
        for (UUID id : voting) {
            try {
                step(id);
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(Turnouts.class)
                        .warnf(
                                "The turnout step of proposal %s could not be " + "moved just now: %s",
                                id, e.getMessage());
            }
        }
    }

    private void step(UUID id) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Proposal p = proposals.byId(id);
            if (p == null || p.phase != Phase.VOTING) {
                return;
            }
            Key key = new Key(p.id, p.phase, ledger.head(p.id).seq(), delegations.circleStamp(p.circleId));
            ResultViews.Turnout exact = open.get(key, k -> count(p)).await().indefinitely();
            em.createNativeQuery("""
                    insert into turnout_step (proposal_id, headcount, turnout_json, published_at)
                    select :p, :headcount, :json, :at where :headcount >= :k
                    on conflict (proposal_id) do update set headcount = excluded.headcount,
                           turnout_json = excluded.turnout_json, published_at = excluded.published_at
                     where abs(turnout_step.headcount - excluded.headcount) >= :k
                    """)
                    .setParameter("p", p.id)
                    .setParameter("headcount", exact.headcount())
                    .setParameter("json", write(exact))
                    .setParameter("at", exact.at())
                    .setParameter("k", (int) p.minCellVoters)
                    .executeUpdate();
        });
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
