package org.devolve.tally;

/** The voting methods of the engine; each is weighted by the declared stake. */
public enum Method {
    /** FOR / AGAINST / ABSTAIN on one proposal, decided by a {@link Threshold}. */
    APPROVE_REJECT(Ballot.STANCE),
    /** One option per ballot; weighted plurality. */
    SINGLE_CHOICE(Ballot.CHOICE),
    /** Any set of options per ballot; each approved option receives the ballot's full weight. */
    APPROVAL(Ballot.APPROVALS),
    /** Every option scored 0..5; the highest weighted mean score wins. */
    SCORE(Ballot.SCORES),
    /** Points per option; the ballot's weight is split in proportion to the points. */
    SPLIT(Ballot.ALLOCATION),
    /** Points per option; each voter's shares enter as square roots, squared per option (as Snapshot). */
    QUADRATIC(Ballot.ALLOCATION),
    /** A ranking; instant runoff, one elimination a round (as Snapshot's ranked-choice). */
    RANKED_IRV(Ballot.RANKING),
    /** A ranking; Schulze's beatpath method on the weighted pairwise matrix. */
    RANKED_SCHULZE(Ballot.RANKING),
    /** A ranking; Copeland's pairwise victories, ties broken by average support (as Snapshot). */
    COPELAND(Ballot.RANKING);

    /** The shape of a ballot of this method, and the name of its member in the tally document. */
    enum Ballot {
        STANCE("choice"),
        CHOICE("choice"),
        APPROVALS("approvals"),
        SCORES("scores"),
        ALLOCATION("allocation"),
        RANKING("ranking");

        final String field;

        Ballot(String field) {
            this.field = field;
        }
    }

    final Ballot ballot;

    Method(Ballot ballot) {
        this.ballot = ballot;
    }

    boolean ranked() {
        return ballot == Ballot.RANKING;
    }
}
