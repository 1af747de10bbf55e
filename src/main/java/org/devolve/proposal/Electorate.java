package org.devolve.proposal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.devolve.tally.io.LedgerReplay;

/**
 * The declarations of proposals: what voting freezes, as the ledger's VOTING entry digests them, and what one
 * person declared; implemented by the stake feature.
 */
public interface Electorate {

    /** A person's declaration in a proposal: their counted level and their group. */
    record Declared(int level, UUID groupId) {}

    /** The person's declaration in the proposal, if they made one. */
    Optional<Declared> declarationOf(UUID proposalId, UUID memberId);

    /** The proposals in which the person declared a stake above 0. */
    Set<UUID> proposalsWithStake(UUID memberId);

    /** The number of declarations and the SHA-256 of {@code [[member, group, level], ...]} in member order. */
    record Digest(long declarations, String sha256) {}

    Digest digest(UUID proposalId);

    /** Group id → the number of declarations at each level 0..5 (for what a secret proposal will publish). */
    Map<UUID, long[]> levelsByGroup(UUID proposalId);

    /** Member id → the declaration's group and counted level, as the stake table holds them (for verify). */
    Map<String, LedgerReplay.Declaration> declarations(UUID proposalId);
}
