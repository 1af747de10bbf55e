package org.devolve.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a proposal: {@code DRAFT → DELIBERATION → VOTING → CLOSED}, and {@code WITHDRAWN} from
 * DRAFT or DELIBERATION. The only transitions there are; everything else is refused.
 */
public enum Phase {
    DRAFT,
    DELIBERATION,
    VOTING,
    CLOSED,
    WITHDRAWN;

    public Set<Phase> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DELIBERATION, WITHDRAWN);
            case DELIBERATION -> EnumSet.of(VOTING, WITHDRAWN);
            case VOTING -> EnumSet.of(CLOSED);
            case CLOSED, WITHDRAWN -> EnumSet.noneOf(Phase.class);
        };
    }

    public boolean canMoveTo(Phase to) {
        return next().contains(to);
    }

    public boolean isOver() {
        return this == CLOSED || this == WITHDRAWN;
    }
}
