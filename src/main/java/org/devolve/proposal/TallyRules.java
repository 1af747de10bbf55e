package org.devolve.proposal;

import org.devolve.tally.Protection;
import org.devolve.tally.Weighting;

/** A proposal's rules in the tally engine's terms. */
public final class TallyRules {

    private TallyRules() {}

    public static Weighting weighting(Proposal p) {
        return switch (p.weighting) {
            case LINEAR -> Weighting.linear();
            case SQRT -> Weighting.sqrt();
            case EQUAL -> Weighting.equal();
            case CAPPED -> Weighting.capped(p.weightingCap);
            case EXPLICIT -> Weighting.explicit();
        };
    }

    /** The protection of the most affected, or null when the proposal has none. */
    public static Protection protection(Proposal p) {
        return switch (p.protection) {
            case NONE -> null;
            case MAJORITY -> Protection.majorityOfTopLevel();
            case NO_OBJECTION -> new Protection(Protection.Rule.NO_OBJECTION, p.protectionPpm, 0);
        };
    }
}
