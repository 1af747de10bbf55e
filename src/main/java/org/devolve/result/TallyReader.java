package org.devolve.result;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.ledger.Pseudonyms;
import org.devolve.platform.config.DevolveConfig;
import org.devolve.proposal.AffectedGroup;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.ProposalAccess;
import org.devolve.proposal.TallyRules;
import org.devolve.tally.Method;
import org.devolve.tally.Stance;
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
 * not cast. In secret
 * proposals voters are named by their pseudonyms.
 */
@ApplicationScoped
class TallyReader {

    /**
     * One row per declaration. Only the ballot column of the proposal's method is read, ids come as text (the
     * engine names voters by text), and the delegation joins are left out when the proposal and its circle
     * have no delegation at all: at a million rows, each of these is felt.
     */
    private static String rows(Method method, boolean delegations) {
        String ballot = switch (method) {
            case APPROVE_REJECT -> "b.stance";
            case SINGLE_CHOICE -> "b.choice";
            case APPROVAL -> "b.approvals";
            case SCORE -> "b.scores";
            case SPLIT, QUADRATIC -> "b.allocation";
            case RANKED_IRV, RANKED_SCHULZE, COPELAND -> "b.ranking";
        };
        String delegate = delegations ? "ds.member_id::text" : "null";
        StringBuilder sql = new StringBuilder("select s.member_id::text, s.level, s.group_id::text, ")
                .append(ballot).append(", ").append(delegate).append(" from stake s left join ballot b on b.proposal_id = "
                        + "s.proposal_id and b.voter_id = s.member_id and b.current");
        if (delegations) {
            sql.append("""
                     left join delegation dp on dp.proposal_id = s.proposal_id and dp.delegator_id = s.member_id
                                            and dp.created_at <= ? and (dp.revoked_at is null or dp.revoked_at > ?)
                     left join delegation dc on dc.circle_id = ? and dc.delegator_id = s.member_id
                                            and dc.created_at <= ? and (dc.revoked_at is null or dc.revoked_at > ?)
                     left join stake ds on ds.proposal_id = s.proposal_id
                                       and ds.member_id = coalesce(dp.delegate_id, dc.delegate_id)
                    """);
        }
        return sql.append(" where s.proposal_id = ? order by s.member_id").toString();
    }

    private static final String ANY_DELEGATION = """
            select exists (select 1 from delegation where proposal_id = ?)
                or exists (select 1 from delegation where circle_id = ?)
            """;

    private final AgroalDataSource dataSource;
    private final ProposalAccess proposals;
    private final Pseudonyms pseudonyms;
    private final DevolveConfig config;

    TallyReader(AgroalDataSource dataSource, ProposalAccess proposals, Pseudonyms pseudonyms, DevolveConfig config) {
        this.dataSource = dataSource;
        this.proposals = proposals;
        this.pseudonyms = pseudonyms;
        this.config = config;
    }

    /**
     * The proposal as it stood at {@code asOf}: the close for a closed proposal (so that its export can be
     * rebuilt to the same bytes later), now otherwise. Delegations count as they were at that instant; stakes
     * and ballots cannot change after the close. {@code ledgerHead} is the head the count is made at.
     */
    TallyInput read(Proposal p, java.time.Instant asOf, String ledgerHead) {
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
            in.secret(config.results().minCellVoters());
        }
        for (AffectedGroup g : proposals.groups(p.id)) {
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
            try (PreparedStatement statement = c.prepareStatement(rows(p.method, delegations))) {
                statement.setFetchSize(10_000);
                int i = 1;
                if (delegations) {
                    java.sql.Timestamp at = java.sql.Timestamp.from(asOf);
                    statement.setTimestamp(i++, at);
                    statement.setTimestamp(i++, at);
                    statement.setObject(i++, p.circleId);
                    statement.setTimestamp(i++, at);
                    statement.setTimestamp(i++, at);
                }
                statement.setObject(i, p.id);
                Map<String, String> names = new HashMap<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        in.voter(name(p, rs.getString(1), names), rs.getShort(2), rs.getString(3));
                        String delegate = rs.getString(5);
                        if (delegate != null) {
                            in.delegatesTo(name(p, delegate, names));
                        }
                        ballot(in, p.method, rs, optionCount);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the ballots failed", e);
        }
        return in.build();
    }

    /** Member ids as text; in secret proposals, pseudonyms (remembered: HMACs are worth computing once). */
    private String name(Proposal p, String member, Map<String, String> names) {
        return p.secret ? names.computeIfAbsent(member, m -> pseudonyms.of(p.id, UUID.fromString(m))) : member;
    }

    /** The ballot in column 4, in the shape of the method; nothing when the person did not vote. */
    private static void ballot(TallyInput.Builder in, Method method, ResultSet rs, int options) throws SQLException {
        switch (method) {
            case APPROVE_REJECT -> {
                short stance = rs.getShort(4);
                if (!rs.wasNull()) {
                    in.vote(Stance.values()[stance]);
                }
            }
            case SINGLE_CHOICE -> {
                short choice = rs.getShort(4);
                if (!rs.wasNull()) {
                    in.choice(choice);
                }
            }
            case APPROVAL, SCORE, RANKED_IRV, RANKED_SCHULZE, COPELAND -> {
                short[] values = shorts(rs.getArray(4));
                if (values != null) {
                    int[] ints = toInts(values);
                    switch (method) {
                        case APPROVAL -> in.approves(ints);
                        case SCORE -> in.scores(ints);
                        default -> in.ranks(ints);
                    }
                }
            }
            case SPLIT, QUADRATIC -> {
                int[] points = ints(rs.getArray(4));
                if (points != null) {
                    in.allocates(points.length == options ? points : java.util.Arrays.copyOf(points, options));
                }
            }
        }
    }

    private static short[] shorts(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object raw = array.getArray();
        if (raw instanceof Short[] boxed) {
            short[] out = new short[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                out[i] = boxed[i];
            }
            return out;
        }
        if (raw instanceof short[] s) {
            return s;
        }
        Number[] numbers = (Number[]) raw;
        short[] out = new short[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            out[i] = numbers[i].shortValue();
        }
        return out;
    }

    private static int[] ints(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object raw = array.getArray();
        if (raw instanceof int[] i) {
            return i;
        }
        Number[] numbers = (Number[]) raw;
        int[] out = new int[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            out[i] = numbers[i].intValue();
        }
        return out;
    }

    private static int[] toInts(short[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
