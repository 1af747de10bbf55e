package org.devolve.proposal;

import java.util.List;

/**
 * What the signed-in person may do with a proposal, and why.
 *
 * <p>Who may take part (DESIGN): members of the deciding circle, members of any affected circle, and,
 * where the proposal allows it, anyone signed in, whose declaration is marked as self-identified. A draft
 * is seen only by its author and the deciding circle's facilitators. Admins may read every proposal that is
 * not a draft; they take part only as members.
 *
 * <p>Who steers (DESIGN, "Lifecycle"): a facilitator of the deciding circle does everything; the author edits
 * the draft (its content, groups and deadlines), opens deliberation and withdraws, while they are a member of
 * the deciding circle. Once the draft is open, deadlines and groups are the facilitators' alone, and so are
 * the early moves to voting and to the close: an author cannot move the rules of a vote they want to win.
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

    /** A way of steering a proposal. */
    public enum Steering {
        EDIT_DRAFT,
        OPEN_DELIBERATION,
        WITHDRAW,
        OPEN_VOTING,
        CLOSE,
        CHANGE_DEADLINES,
        ADD_GROUP,
        CORRECT_WORDING;

        /** The steering a move to {@code phase} is. */
        static Steering toward(Phase phase) {
            return switch (phase) {
                case DELIBERATION -> OPEN_DELIBERATION;
                case VOTING -> OPEN_VOTING;
                case CLOSED -> CLOSE;
                case WITHDRAWN -> WITHDRAW;
                case DRAFT -> EDIT_DRAFT;
            };
        }
    }

    /** The author's powers last while they belong to the deciding circle. */
    public boolean actingAuthor() {
        return author && memberOfDecidingCircle;
    }

    /** Has some power to steer the proposal: the author while a member, and the deciding circle's facilitators. */
    public boolean canSteer() {
        return actingAuthor() || facilitator;
    }

    /** Whether the author may do this in {@code phase} (facilitators may do everything). */
    static boolean authorMay(Steering steering, Phase phase) {
        return switch (steering) {
            case OPEN_DELIBERATION, WITHDRAW -> true;
            case CORRECT_WORDING -> phase == Phase.DELIBERATION || phase == Phase.VOTING;
            case EDIT_DRAFT, CHANGE_DEADLINES, ADD_GROUP -> phase == Phase.DRAFT;
            case OPEN_VOTING, CLOSE -> false;
        };
    }

    /** Whether this person may steer so in {@code phase}. */
    public boolean may(Steering steering, Phase phase) {
        return facilitator || actingAuthor() && authorMay(steering, phase);
    }

    /** The phases this person may move the proposal to from {@code phase}, now. */
    public List<Phase> phasesAllowed(Phase phase) {
        return phase.next().stream()
                .filter(to -> may(Steering.toward(to), phase))
                .sorted()
                .toList();
    }

    /** Facilitators (and admins) resolve stake challenges, never on their own declaration. */
    public boolean canResolveChallenges() {
        return facilitator || admin;
    }
}
