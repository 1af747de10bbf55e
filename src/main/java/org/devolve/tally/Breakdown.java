package org.devolve.tally;

import java.util.ArrayList;
import java.util.List;

/**
 * The method's additive measure (see {@link Count#measure()}) per affected group and per stake level.
 * A person's weight counts in their own group and at their own level, also when it followed a
 * delegate's ballot. Each column of cells adds up exactly to the measure's totals.
 *
 * <p>With secret ballots, the rows a published tally shows in group "other" or with a hidden level are in the
 * "other" cell, and every cell with fewer than k voters is merged into it; if "other" then
 * holds between 1 and k−1 voters, the smallest remaining cells join it (fewest voters first, the later
 * cell among equals) until it reaches k or nothing is left, so no published cell counts 1..k−1 voters.
 */
final class Breakdown {

    private Breakdown() {}

    private static final class Acc {
        final String key;
        final String name;
        int voters;
        long cast;
        long declared;
        final long[] row;

        Acc(String key, String name, int width) {
            this.key = key;
            this.name = name;
            this.row = new long[width];
        }

        void absorb(Acc other) {
            voters += other.voters;
            cast += other.cast;
            declared += other.declared;
            for (int i = 0; i < row.length; i++) {
                row[i] += other.row[i];
            }
        }
    }

    static TallyResult.Breakdown of(TallyInput in, Count count, long[] w, int[] target) {
        int width = count.measureWidth();
        // one more cell each for rows a published secret tally shows only as "other" (group, or hidden level)
        Acc[] groups = new Acc[in.groupIds.length + 1];
        for (int g = 0; g < in.groupIds.length; g++) {
            groups[g] = new Acc(in.groupIds[g], in.groupNames[g], width);
        }
        groups[in.groupIds.length] = new Acc(OTHER, OTHER, width);
        Acc[] levels = new Acc[Weighting.MAX_STAKE + 2];
        for (int l = 0; l <= Weighting.MAX_STAKE; l++) {
            levels[l] = new Acc(Integer.toString(l), "level " + l, width);
        }
        levels[Weighting.MAX_STAKE + 1] = new Acc(OTHER, OTHER, width);
        for (int p = 0; p < in.n; p++) {
            if (w[p] == 0) {
                continue;
            }
            int m = in.times(p); // an input in runs: row p stands for m declarations (one-number ballots, additive)
            long weight = w[p] * m;
            Acc group = groups[in.group[p]];
            Acc level = levels[in.hidden[p] ? Weighting.MAX_STAKE + 1 : in.stake[p]];
            group.declared += weight;
            level.declared += weight;
            int t = target[p];
            if (t < 0) {
                continue;
            }
            group.voters += m;
            group.cast += weight;
            level.voters += m;
            level.cast += weight;
            count.measure(t, weight, group.row);
            count.measure(t, weight, level.row);
        }
        long[] sum = new long[width];
        for (Acc g : groups) {
            for (int i = 0; i < width; i++) {
                sum[i] += g.row[i];
            }
        }
        long[] totals = count.measureTotals(sum);
        List<Acc> levelCells = new ArrayList<>();
        for (int l = 1; l < levels.length; l++) {
            if (levels[l].declared > 0) {
                levelCells.add(levels[l]);
            }
        }
        List<Acc> groupCells = new ArrayList<>(List.of(groups).subList(0, in.groupIds.length));
        if (groups[in.groupIds.length].declared > 0) {
            groupCells.add(groups[in.groupIds.length]);
        }
        if (in.secret) {
            groupCells = merge(groupCells, in.minCellVoters, width);
            levelCells = merge(levelCells, in.minCellVoters, width);
        }
        return new TallyResult.Breakdown(
                count.measure(),
                in.secret,
                in.minCellVoters,
                Count.list(totals),
                cells(groupCells, count, totals),
                cells(levelCells, count, totals));
    }

    private static final String OTHER = TallyInput.OTHER;

    private static List<Acc> merge(List<Acc> cells, int k, int width) {
        Acc other = new Acc(OTHER, OTHER, width);
        List<Acc> kept = new ArrayList<>();
        for (Acc cell : cells) {
            if (cell.voters < k || cell.key.equals(OTHER)) {
                other.absorb(cell);
            } else {
                kept.add(cell);
            }
        }
        while (other.voters > 0 && other.voters < k && !kept.isEmpty()) {
            int smallest = 0;
            for (int i = 1; i < kept.size(); i++) {
                if (kept.get(i).voters <= kept.get(smallest).voters) {
                    smallest = i;
                }
            }
            other.absorb(kept.remove(smallest));
        }
        if (other.voters > 0 || other.declared > 0) {
            kept.add(other);
        }
        return kept;
    }

    private static List<TallyResult.Cell> cells(List<Acc> cells, Count count, long[] totals) {
        long[][] rows = new long[cells.size()][];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = cells.get(c).row;
        }
        long[][] finished = count.finishMeasure(rows, totals);
        List<TallyResult.Cell> out = new ArrayList<>();
        for (int c = 0; c < rows.length; c++) {
            Acc a = cells.get(c);
            out.add(new TallyResult.Cell(a.key, a.name, a.voters, a.cast, a.declared, Count.list(finished[c])));
        }
        return out;
    }
}
