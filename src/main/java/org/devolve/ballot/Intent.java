package org.devolve.ballot;

import java.util.UUID;
import org.devolve.tally.Method;

/**
 * A ballot checked against everything that can be read before the proposal's lock (the voter may take part, has a
 * stake, the content is valid for the method), with its commitment made: what is left is the part under the lock.
 *
 * @param voter the ledger's actor: the member id, or the per-proposal pseudonym in a secret proposal
 */
record Intent(
        UUID proposalId,
        UUID voterId,
        String voter,
        Method method,
        int[] values,
        String salt,
        String committed,
        String commitment) {}
