package org.devolve.tally;

/**
 * Protection of the most affected ({@link Method#APPROVE_REJECT} only): besides its threshold, an
 * adoption also needs {@link Rule#MAJORITY} (FOR &gt; AGAINST), or {@link Rule#NO_OBJECTION} (AGAINST ≤
 * x of the weight cast), among the weight cast at the protected stake levels.
 *
 * <p>The protected levels are the levels ≥ {@code floorLevel}; with {@code floorLevel == 0}, they are
 * the single highest stake level present, i.e. the highest level held by any declaration of weight
 * &gt; 0, whether or not that person voted. Each person's weight counts at their own stake level, also
 * when it followed a delegate's ballot.
 *
 * @param rule         what the protected levels must show
 * @param objectionPpm for {@code NO_OBJECTION}, x in parts per million (1..1,000,000); 0 otherwise
 * @param floorLevel   1..5 for "levels ≥ floorLevel"; 0 for "the highest level present"
 */
public record Protection(Rule rule, long objectionPpm, int floorLevel) {

    /** What the protected levels must show. */
    public enum Rule {
        /** FOR &gt; AGAINST among the protected levels. */
        MAJORITY,
        /** AGAINST ≤ x of the weight cast among the protected levels. */
        NO_OBJECTION
    }

    /** Validates the combination; see the record description. */
    public Protection {
        if (rule == null
                || floorLevel < 0
                || floorLevel > Weighting.MAX_STAKE
                || (rule == Rule.NO_OBJECTION ? objectionPpm < 1 || objectionPpm > 1_000_000 : objectionPpm != 0)) {
            throw new IllegalArgumentException("invalid protection");
        }
    }

    /** A majority among the highest stake level present. */
    public static Protection majorityOfTopLevel() {
        return new Protection(Rule.MAJORITY, 0, 0);
    }
}
