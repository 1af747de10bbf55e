package org.devolve.proposal;

import java.time.Instant;
import java.util.UUID;

/** Marks the declarations nobody had the circle's challenge window to challenge; implemented by the stake feature. */
public interface LateDeclarations {

    /**
     * When voting opens: marks late the proposal's declarations above 0 that were made or raised after
     * {@code since} (the instant voting opens, less the challenge window), and returns how many there are.
     */
    long markLate(UUID proposalId, Instant since);
}
