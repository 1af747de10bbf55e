package org.devolve.proposal;

/**
 * What the signed-in person may do with a proposal, and why.
 *
 * <p>Who may take part (DESIGN): members of the deciding circle, members of any affected circle, and,
 * where the proposal allows it, anyone signed in, whose declaration is marked as self-identified. A draft
 * is seen only by its author and the deciding circle's facilitators. Admins may read every proposal that is
 * not a draft; they take part only as members.
 */
public record Participation(
        boolean canRead,
        boolean canTakePart,
        boolean outsider,
        boolean author,
        boolean facilitator,
        boolean admin,
        boolean memberOfDecidingCircle,
        boolean memberOfAffectedCircle) {

    /** The author and the deciding circle's facilitators steer the proposal (edit a draft, change phases). */
    public boolean canSteer() {
        return author || facilitator;
    }

    /** Facilitators (and admins) resolve stake challenges. */
    public boolean canResolveChallenges() {
        return facilitator || admin;
    }
}
