package org.devolve.notification;

import java.util.Optional;
import java.util.UUID;

/**
 * What a mail is about, the unit a member chooses immediately, digest or off for. Most follow an in-app notice
 * ({@link NoticeKind}) to the same people; {@link #REMINDER} is mail's own (to those who have not yet acted,
 * {@link MailReminders}). The default of a kind that concerns a whole circle is the digest; of one that concerns the
 * member alone, immediately (docs/decisions.md, "Email").
 */
public enum MailKind {
    /** A proposal of a circle that affects me is open for deliberation. */
    DELIBERATION(MailMode.DIGEST),
    /** Voting opened. */
    VOTING(MailMode.DIGEST),
    /** A deadline is near and I have not declared (deliberation) or not voted (voting). */
    REMINDER(MailMode.IMMEDIATE),
    /** My declaration was challenged. */
    CHALLENGED(MailMode.IMMEDIATE),
    /** A challenge awaits my ruling. */
    TO_RULE(MailMode.IMMEDIATE),
    /** A facilitator lowered my declaration. */
    STAKE_LOWERED(MailMode.IMMEDIATE),
    /** Someone entrusted me with their vote. */
    DELEGATED(MailMode.IMMEDIATE),
    /** The result is out. */
    RESULT(MailMode.DIGEST);

    private final MailMode byDefault;

    MailKind(MailMode byDefault) {
        this.byDefault = byDefault;
    }

    MailMode byDefault() {
        return byDefault;
    }

    /** The mail a notice makes for one of its recipients, if any. */
    static Optional<MailKind> of(NoticeWriter.Notice notice, UUID recipient) {
        return Optional.ofNullable(
                switch (notice.kind()) {
                    case "PROPOSAL_DELIBERATION" -> DELIBERATION;
                    case "PROPOSAL_VOTING" -> VOTING;
                    case "PROPOSAL_CLOSED" -> RESULT;
                    case "STAKE_CHALLENGED" -> CHALLENGED;
                    case "CHALLENGE_TO_RULE" -> TO_RULE;
                    case "DELEGATION_RECEIVED" -> DELEGATED;
                    case "CHALLENGE_RESOLVED" ->
                        "LOWERED".equals(notice.params().get("ruling")) && recipient.equals(notice.about())
                                ? STAKE_LOWERED
                                : null;
                    default -> null;
                });
    }
}
