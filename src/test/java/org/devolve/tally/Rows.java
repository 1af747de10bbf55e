package org.devolve.tally;

import java.util.Arrays;
import java.util.List;

/** Rebuilds an input row by row, to permute rows, scale weights or add rows in property tests. */
final class Rows {

    private Rows() {}

    /** A builder with {@code in}'s settings and groups, and no rows. */
    static TallyInput.Builder settings(TallyInput in) {
        TallyInput.Builder b = TallyInput.builder(
                        in.method, in.method == Method.APPROVE_REJECT ? List.of() : in.options)
                .weighting(in.weighting)
                .quorum(in.quorumPpm, in.quorumHeadcount);
        if (in.threshold == Threshold.CONSENT) {
            b.consent(in.objectionPpm);
        } else if (in.threshold != null) {
            b.threshold(in.threshold);
        }
        if (in.protection != null) {
            b.protection(in.protection);
        }
        if (in.secret) {
            b.secret(in.minCellVoters);
        }
        for (int g = 0; g < in.groupIds.length; g++) {
            b.group(in.groupIds[g], in.groupNames[g], in.groupLevel[g]);
        }
        return b;
    }

    /** Appends row {@code row} of {@code in}, with its weight multiplied by {@code scale} under EXPLICIT. */
    static void copy(TallyInput in, int row, TallyInput.Builder b, long scale) {
        b.voter(in.voters.get(row), in.stake[row], in.groupIds[in.group[row]]);
        if (in.weighting.policy() == Policy.EXPLICIT) {
            b.weight(in.weight[row] * scale);
        }
        if (in.delegate[row] >= 0) {
            b.delegatesTo(in.voters.get(in.delegate[row]));
        }
        copyBallot(in, row, b);
    }

    /** Gives the builder's current row the ballot of row {@code row}, if it has one. */
    static void copyBallot(TallyInput in, int row, TallyInput.Builder b) {
        if (!in.voted[row]) {
            return;
        }
        switch (in.method.ballot) {
            case STANCE:
                b.vote(Stance.values()[in.choice[row]]);
                break;
            case CHOICE:
                b.choice(in.choice[row]);
                break;
            default:
                int[] entries = Arrays.copyOfRange(in.items, in.start[row], in.start[row + 1]);
                switch (in.method.ballot) {
                    case APPROVALS:
                        b.approves(entries);
                        break;
                    case SCORES:
                        b.scores(entries);
                        break;
                    case ALLOCATION:
                        b.allocates(entries);
                        break;
                    default:
                        b.ranks(entries);
                }
        }
    }

    static TallyInput permuted(TallyInput in, int[] order) {
        TallyInput.Builder b = settings(in);
        for (int row : order) {
            copy(in, row, b, 1);
        }
        return b.build();
    }

    static TallyInput scaled(TallyInput in, long scale) {
        TallyInput.Builder b = settings(in);
        for (int row = 0; row < in.n; row++) {
            copy(in, row, b, scale);
        }
        return b.build();
    }
}
