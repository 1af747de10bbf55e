package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.devolve.proposal.Phase;
import org.devolve.proposal.Proposal;
import org.devolve.tally.TallyResult;

/**
 * Live turnout, recounted at most every two seconds per proposal on each replica. What it keeps is derived
 * and short-lived: two replicas may answer a second apart, never differently once the second has passed.
 */
@ApplicationScoped
class TurnoutCache {

    private static final long TTL_MILLIS = 2_000;

    private record Entry(ResultViews.Turnout turnout, long at, Phase phase, long seq) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Tallying tallying;
    private final Clock clock;

    TurnoutCache(Tallying tallying, Clock clock) {
        this.tallying = tallying;
        this.clock = clock;
    }

    ResultViews.Turnout of(Proposal p) {
        long now = clock.millis();
        Entry cached = entries.get(p.id);
        if (cached != null && cached.phase == p.phase && cached.seq == p.ledgerSeq) {
            return cached.turnout;
        }
        if (cached != null && cached.phase == p.phase && now - cached.at < TTL_MILLIS) {
            return cached.turnout;
        }
        TallyResult r = tallying.now(p, false);
        TallyResult.Turnout t = r.turnout();
        ResultViews.Turnout turnout = new ResultViews.Turnout(p.id, p.phase, micro(t.weightCast()),
                micro(t.weightDeclared()), micro(t.turnoutPpm()), t.voters(), t.delegators(), t.headcount(),
                t.declarants(), micro(r.quorum().turnoutPpm()), r.quorum().headcount(), r.quorum().met(),
                Instant.ofEpochMilli(now));
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(p.id, new Entry(turnout, now, p.phase, p.ledgerSeq));
        return turnout;
    }

    static String micro(long micros) {
        return java.math.BigDecimal.valueOf(micros, 6).toPlainString();
    }
}
