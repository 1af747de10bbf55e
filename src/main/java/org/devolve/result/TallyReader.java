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

    private static final String ROWS = """
            select s.member_id, s.level, s.group_id, b.stance, b.choice, b.approvals, b.scores, b.allocation, b.ranking,
                   ds.member_id as delegate
              from stake s
              left join ballot b on b.proposal_id = s.proposal_id and b.voter_id = s.member_id and b.current
              left join delegation dp on dp.proposal_id = s.proposal_id and dp.delegator_id = s.member_id
                                     and dp.created_at <= ? and (dp.revoked_at is null or dp.revoked_at > ?)
              left join delegation dc on dc.circle_id = ? and dc.delegator_id = s.member_id
                                     and dc.created_at <= ? and (dc.revoked_at is null or dc.revoked_at > ?)
              left join stake ds on ds.proposal_id = s.proposal_id
                                and ds.member_id = coalesce(dp.delegate_id, dc.delegate_id)
             where s.proposal_id = ?
             order by s.member_id
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
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(ROWS)) {
            statement.setFetchSize(10_000);
            java.sql.Timestamp at = java.sql.Timestamp.from(asOf);
            statement.setTimestamp(1, at);
            statement.setTimestamp(2, at);
            statement.setObject(3, p.circleId);
            statement.setTimestamp(4, at);
            statement.setTimestamp(5, at);
            statement.setObject(6, p.id);
            Map<UUID, String> names = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    in.voter(name(p, r.member, names), r.level, r.group.toString());
                    if (r.delegate != null) {
                        in.delegatesTo(name(p, r.delegate, names));
                    }
                    ballot(in, p.method, r, optionCount);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the ballots failed", e);
        }
        return in.build();
    }

    private record Row(UUID member, int level, UUID group, Short stance, Short choice, short[] approvals,
            short[] scores, int[] allocation, short[] ranking, UUID delegate) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        int stance = rs.getShort(4);
        boolean hasStance = !rs.wasNull();
        int choice = rs.getShort(5);
        boolean hasChoice = !rs.wasNull();
        return new Row(rs.getObject(1, UUID.class), rs.getShort(2), rs.getObject(3, UUID.class),
                hasStance ? (short) stance : null, hasChoice ? (short) choice : null,
                shorts(rs.getArray(6)), shorts(rs.getArray(7)), ints(rs.getArray(8)), shorts(rs.getArray(9)),
                rs.getObject(10, UUID.class));
    }

    /** Member ids as text; in secret proposals, pseudonyms (remembered: HMACs are worth computing once). */
    private String name(Proposal p, UUID member, Map<UUID, String> names) {
        return p.secret ? names.computeIfAbsent(member, m -> pseudonyms.of(p.id, m)) : member.toString();
    }

    private static void ballot(TallyInput.Builder in, Method method, Row r, int options) {
        switch (method) {
            case APPROVE_REJECT -> {
                if (r.stance != null) {
                    in.vote(Stance.values()[r.stance]);
                }
            }
            case SINGLE_CHOICE -> {
                if (r.choice != null) {
                    in.choice(r.choice);
                }
            }
            case APPROVAL -> {
                if (r.approvals != null) {
                    in.approves(toInts(r.approvals));
                }
            }
            case SCORE -> {
                if (r.scores != null) {
                    in.scores(toInts(r.scores));
                }
            }
            case SPLIT, QUADRATIC -> {
                if (r.allocation != null) {
                    in.allocates(r.allocation.length == options ? r.allocation
                            : java.util.Arrays.copyOf(r.allocation, options));
                }
            }
            default -> {
                if (r.ranking != null) {
                    in.ranks(toInts(r.ranking));
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
