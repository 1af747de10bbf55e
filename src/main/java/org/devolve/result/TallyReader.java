package org.devolve.result;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.devolve.proposal.AffectedGroup;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.devolve.proposal.TallyRules;
import org.devolve.tally.Method;
import org.devolve.tally.Stance;
import org.devolve.tally.Tally;
import org.devolve.tally.TallyInput;
import org.devolve.tally.Threshold;

/**
 * Reads a proposal from the database into the tally engine's input: one row per declaration (voting or
 * not), with its stake, group, delegate and current ballot.
 *
 * <p>It reads with plain JDBC on the transaction's own connection (Agroal hands the JTA transaction's
 * connection back), streaming rows into the engine's builder with a fetch size, so a million ballots are
 * read without a million entities. A person's delegate is their delegation for this proposal, else for the
 * deciding circle; a delegate who declared nothing cannot carry a ballot, so such a delegation counts as
 * not cast. Rows are named by member id: in a secret proposal the engine then publishes them without any id
 * ({@link Tally#published}), so the ids never leave the count.
 */
@ApplicationScoped
class TallyReader {

    /**
     * One row per declaration of one group, as {@code COPY ... TO STDOUT (FORMAT binary)}: the stake row
     * carries its current ballot (written with the ballot, in the engine's shape), so counting reads one table;
     * the group is the statement's (one per group); rows are sorted only for the export (the count does not
     * depend on their order); and the delegation joins are left out when the proposal and its circle have no
     * delegation at all. At a million rows, each of these is felt.
     * COPY takes no parameters: the values are uuids and an instant formatted here, never text from a client.
     */
    private static String rows(boolean delegations, boolean ordered, UUID proposal, UUID circle,
            UUID group, java.time.Instant asOf) {
        String at = "'" + asOf + "'::timestamptz";
        StringBuilder sql = new StringBuilder("copy (select s.member_id, s.level, s.ballot, ")
                .append(delegations ? "ds.member_id" : "null::uuid").append(" from stake s");
        if (delegations) {
            sql.append(" left join delegation dp on dp.proposal_id = s.proposal_id and dp.delegator_id = s.member_id")
                    .append(" and dp.created_at <= ").append(at).append(" and (dp.revoked_at is null or dp.revoked_at > ")
                    .append(at).append(")")
                    .append(" left join delegation dc on dc.circle_id = '").append(circle)
                    .append("' and dc.delegator_id = s.member_id and dc.created_at <= ").append(at)
                    .append(" and (dc.revoked_at is null or dc.revoked_at > ").append(at).append(")")
                    .append(" left join stake ds on ds.proposal_id = s.proposal_id")
                    .append(" and ds.member_id = coalesce(dp.delegate_id, dc.delegate_id)");
        }
        sql.append(" where s.proposal_id = '").append(proposal).append("' and s.group_id = '").append(group).append("'");
        if (ordered) {
            sql.append(" order by s.member_id"); // the index of (proposal_id, member_id): no sort
        }
        return sql.append(") to stdout (format binary)").toString();
    }

    private static final String ANY_DELEGATION = """
            select exists (select 1 from delegation where proposal_id = ?)
                or exists (select 1 from delegation where circle_id = ?)
            """;

    private final AgroalDataSource dataSource;
    private final ProposalAccess proposals;

    TallyReader(AgroalDataSource dataSource, ProposalAccess proposals) {
        this.dataSource = dataSource;
        this.proposals = proposals;
    }

    /**
     * The proposal as it stood at {@code asOf}: what the close counted for a closed proposal (so that its export
     * can be rebuilt to the same bytes later), now otherwise. Delegations count as they were at that instant;
     * stakes and ballots cannot change after the close. {@code ledgerHead} is the head the count is made at.
     */
    TallyInput read(Proposal p, java.time.Instant asOf, String ledgerHead) {
        return read(p, asOf, ledgerHead, false);
    }

    /**
     * The same, rows in a fixed order (by group, then member), as the published document has them: the close
     * computes the document's SHA-256 from it, and the export rebuilds the same bytes.
     */
    TallyInput readOrdered(Proposal p, java.time.Instant asOf, String ledgerHead) {
        return read(p, asOf, ledgerHead, true);
    }

    private TallyInput read(Proposal p, java.time.Instant asOf, String ledgerHead, boolean ordered) {
        List<String> options = p.method == Method.APPROVE_REJECT ? List.of()
                : proposals.options(p.id).stream().map(o -> o.label).toList();
        TallyInput.Builder in = TallyInput.builder(p.method, options).weighting(TallyRules.weighting(p))
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
        try (Connection c = dataSource.getConnection()) {
            boolean delegations;
            try (PreparedStatement any = c.prepareStatement(ANY_DELEGATION)) {
                any.setObject(1, p.id);
                any.setObject(2, p.circleId);
                try (ResultSet rs = any.executeQuery()) {
                    rs.next();
                    delegations = rs.getBoolean(1);
                }
            }
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            for (AffectedGroup group : groups) {
                String groupId = group.id.toString();
                String sql = rows(delegations, ordered, p.id, p.circleId, group.id, asOf);
                try (BinaryCopyReader rows = new BinaryCopyReader(
                        new org.postgresql.copy.PGCopyInputStream(copy.copyOut(sql)))) {
                    while (rows.next()) {
                        in.voter(rows.uuid().toString(), rows.smallint(0), groupId);
                        ballot(in, p.method, rows, optionCount);
                        UUID delegate = rows.uuid();
                        if (delegate != null) {
                            in.delegatesTo(delegate.toString());
                        }
                    }
                }
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("Reading the ballots failed", e);
        }
        return in.votersUnique().build();
    }

    /** The ballot column ({@code stake.ballot}), in the shape of the method; nothing when the person did not vote. */
    private static void ballot(TallyInput.Builder in, Method method, BinaryCopyReader rows, int options)
            throws java.io.IOException {
        int[] values = rows.intArray();
        if (values == null) {
            return;
        }
        switch (method) {
            case APPROVE_REJECT -> in.vote(Stance.values()[values[0]]);
            case SINGLE_CHOICE -> in.choice(values[0]);
            case APPROVAL -> in.approves(values);
            case SCORE -> in.scores(values);
            case SPLIT, QUADRATIC -> in.allocates(values.length == options ? values : java.util.Arrays.copyOf(values, options));
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> in.ranks(values);
        }
    }
}
