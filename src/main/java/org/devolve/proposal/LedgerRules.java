package org.devolve.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.devolve.tally.Method;
import org.devolve.tally.Micro;
import org.devolve.tally.Protection;
import org.devolve.tally.Threshold;
import org.devolve.tally.Weighting;

/**
 * The rules and groups of a proposal as the ledger freezes them when deliberation opens, in the terms of the
 * tally document's header (so that a recount from the ledger can check the published document against them).
 */
final class LedgerRules {

    private LedgerRules() {}

    static Map<String, Object> rules(Proposal p, List<ProposalOption> options) {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("method", p.method.name());
        List<Object> labels = new ArrayList<>();
        if (p.method != Method.APPROVE_REJECT) {
            options.forEach(o -> labels.add(o.label));
        }
        rules.put("options", labels);
        Weighting w = TallyRules.weighting(p);
        Map<String, Object> weighting = new LinkedHashMap<>();
        weighting.put("policy", w.policy().name());
        if (w.cap() > 0) {
            weighting.put("cap", (long) w.cap());
        }
        rules.put("weighting", weighting);
        rules.put("quorum", Map.of("turnout", Micro.format(p.quorumTurnoutPpm), "headcount", (long) p.quorumHeadcount));
        if (p.method == Method.APPROVE_REJECT) {
            Map<String, Object> threshold = new LinkedHashMap<>();
            threshold.put("rule", p.threshold.name());
            if (p.threshold == Threshold.CONSENT) {
                threshold.put("objection", Micro.format(p.consentObjectionPpm));
            }
            rules.put("threshold", threshold);
            Protection protection = TallyRules.protection(p);
            if (protection != null) {
                Map<String, Object> rule = new LinkedHashMap<>();
                rule.put("rule", protection.rule().name());
                if (protection.rule() == Protection.Rule.NO_OBJECTION) {
                    rule.put("objection", Micro.format(protection.objectionPpm()));
                }
                rules.put("protection", rule);
            }
        }
        rules.put("secret", p.secret);
        rules.put("minCellVoters", (long) p.minCellVoters);
        rules.put("liveResults", p.liveResults);
        rules.put("outsidersAllowed", p.outsidersAllowed);
        return rules;
    }

    static List<Object> groups(List<AffectedGroup> groups) {
        List<Object> out = new ArrayList<>();
        for (AffectedGroup g : groups) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", g.id.toString());
            group.put("name", g.name);
            group.put("suggestedLevel", (long) g.suggestedLevel);
            group.put("circle", g.circleId == null ? null : g.circleId.toString());
            out.add(group);
        }
        return out;
    }
}
