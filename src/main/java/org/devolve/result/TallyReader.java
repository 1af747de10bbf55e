package org.devolve.result;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.delegation.Delegations;
import org.devolve.proposal.AffectedGroup;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.proposal.TallyRules;
import org.devolve.stake.Stakes;
import org.devolve.tally.Method;
import org.devolve.tally.Stance;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.Threshold;

/**
 * Reads a proposal into the tally engine's input: one row per declaration (voting or not), with its stake, group,
 * delegate and current ballot, from the stake feature's rows ({@link Stakes#rows}, a binary COPY: a million
 * ballots are read without a million entities) and the delegation feature's delegations as of the count's instant
 * ({@link Delegations#asOf}). A person's delegate is their delegation for this proposal, else for the deciding
 * circle; a delegate who declared nothing cannot carry a ballot, so such a row stands as if it named no delegate.
 * Rows are named by member id: in a secret proposal the engine then publishes them without any id
 * ({@link Tally#published}), so the ids never leave the count.
 */
@ApplicationScoped
class TallyReader {

    private final Proposals proposals;
    private final Stakes stakes;
    private final Delegations delegations;

    TallyReader(Proposals proposals, Stakes stakes, Delegations delegations) {
        this.proposals = proposals;
        this.stakes = stakes;
        this.delegations = delegations;
    }

    /**
     * The proposal as it stood at {@code asOf}: what the close counted for a closed proposal (so that its export
     * can be rebuilt to the same bytes later), now otherwise. Delegations count as they were at that instant;
     * stakes and ballots cannot change after the close. {@code ledgerHead} is the head the count is made at.
     */
    TallyInput read(Proposal p, Instant asOf, String ledgerHead) {
        return read(p, asOf, ledgerHead, false);
    }

    /**
     * The same, rows in a fixed order (by group, then member), as the published document has them: the close
     * computes the document's SHA-256 from it, and the export rebuilds the same bytes.
     */
    TallyInput readOrdered(Proposal p, Instant asOf, String ledgerHead) {
        return read(p, asOf, ledgerHead, true);
    }

    private TallyInput read(Proposal p, Instant asOf, String ledgerHead, boolean ordered) {
        List<String> options = p.method == Method.APPROVE_REJECT
                ? List.of()
                : proposals.options(p.id).stream().map(o -> o.label).toList();
        // voter ids are member ids, unique by the table's key: said before the rows, so none is indexed for it
        TallyInput.Builder in = TallyInput.builder(p.method, options)
                .votersUnique()
                .weighting(TallyRules.weighting(p))
                .quorum(p.quorumTurnoutPpm, p.quorumHeadcount)
                .provenance(p.id.toString(), ledgerHead);
        if (p.method == Method.APPROVE_REJECT) {
            if (p.threshold == Threshold.CONSENT) {
                in.consent(p.consentObjectionPpm);
            } else {
                in.threshold(p.threshold);
            }
            if (TallyRules.protection(p) != null) {
                in.protection(TallyRules.protection(p));
            }
        }
        if (p.secret) {
            in.secret(p.minCellVoters);
        }
        List<AffectedGroup> groups = proposals.groups(p.id);
        for (AffectedGroup g : groups) {
            in.group(g.id.toString(), g.name, g.suggestedLevel);
        }
        int optionCount = options.size();
        Map<UUID, UUID> delegates = delegations.asOf(p.id, p.circleId, asOf);
        List<String> groupIds = groups.stream().map(g -> g.id.toString()).toList();
        stakes.rows(p.id, groups.stream().map(g -> g.id).toList(), ordered, (group, member, level, ballot) -> {
            in.voter(member.toString(), level, groupIds.get(group));
            ballot(in, p.method, ballot, optionCount);
            UUID delegate = delegates.isEmpty() ? null : delegates.get(member);
            if (delegate != null) {
                in.delegatesTo(delegate.toString());
            }
        });
        return in.dropUnknownDelegates().build();
    }

    /** The ballot column ({@code stake.ballot}), in the shape of the method; nothing when the person did not vote. */
    private static void ballot(TallyInput.Builder in, Method method, int[] values, int options) {
        if (values == null) {
            return;
        }
        switch (method) {
            case APPROVE_REJECT -> in.vote(Stance.values()[values[0]]);
            case SINGLE_CHOICE -> in.choice(values[0]);
            case APPROVAL -> in.approves(values);
            case SCORE -> in.scores(values);
            case SPLIT, QUADRATIC -> in.allocates(values.length == options ? values : Arrays.copyOf(values, options));
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> in.ranks(values);
        }
    }
}
