package org.devolve.tally;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random tally inputs for property tests and the Snapshot cross-check. */
final class RandomTallies {

    private RandomTallies() {}

    /** Shapes of random input. */
    static final class Shape {
        boolean delegation = true;
        boolean partialRankings = true;
        boolean nonVoters = true;
        int maxBallots = 40;
        int maxOptions = 6;
        Weighting weighting;
    }

    static Weighting randomWeighting(Random rnd) {
        switch (rnd.nextInt(5)) {
            case 0:
                return Weighting.linear();
            case 1:
                return Weighting.sqrt();
            case 2:
                return Weighting.equal();
            case 3:
                return Weighting.capped(1 + rnd.nextInt(5));
            default:
                return Weighting.explicit();
        }
    }

    static TallyInput.Builder builder(Random rnd, Method method, Shape shape) {
        int k = method == Method.APPROVE_REJECT ? 3 : (method.ranked() ? 2 : 1) + rnd.nextInt(shape.maxOptions - 1);
        String[] options = new String[method == Method.APPROVE_REJECT ? 0 : k];
        for (int i = 0; i < options.length; i++) {
            options[i] = "option " + i;
        }
        TallyInput.Builder b = TallyInput.builder(method, List.of(options));
        Weighting weighting = shape.weighting != null ? shape.weighting : randomWeighting(rnd);
        b.weighting(weighting);
        int groups = 1 + rnd.nextInt(3);
        for (int g = 0; g < groups; g++) {
            b.group("g" + g, "group " + g, rnd.nextInt(4));
        }
        int n = rnd.nextInt(shape.maxBallots + 1);
        for (int row = 0; row < n; row++) {
            int stake = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(5);
            b.voter("v" + row, stake, "g" + rnd.nextInt(groups));
            if (weighting.policy() == Policy.EXPLICIT) {
                b.weight(stake == 0 ? 0 : 1 + (long) rnd.nextInt(5_000) * (rnd.nextBoolean() ? 1 : 997));
            }
            boolean votes = !shape.nonVoters || rnd.nextInt(6) != 0;
            if (shape.delegation && rnd.nextInt(4) == 0 && n > 1) {
                b.delegatesTo("v" + rnd.nextInt(n));
                votes = votes && rnd.nextBoolean();
            }
            if (votes) {
                ballot(rnd, method, k, b, shape);
            }
        }
        return b;
    }

    static TallyInput input(Random rnd, Method method, Shape shape) {
        return builder(rnd, method, shape).build();
    }

    static void ballot(Random rnd, Method method, int k, TallyInput.Builder b, Shape shape) {
        switch (method.ballot) {
            case STANCE:
                b.vote(Stance.values()[rnd.nextInt(3)]);
                break;
            case CHOICE:
                b.choice(rnd.nextInt(k));
                break;
            case APPROVALS:
                b.approves(subset(rnd, k, rnd.nextInt(k + 1)));
                break;
            case SCORES: {
                int[] scores = new int[k];
                for (int i = 0; i < k; i++) {
                    scores[i] = rnd.nextInt(6);
                }
                b.scores(scores);
                break;
            }
            case ALLOCATION: {
                int[] points = new int[k];
                points[rnd.nextInt(k)] = 1 + rnd.nextInt(10);
                for (int i = 0; i < k; i++) {
                    if (rnd.nextBoolean()) {
                        points[i] = rnd.nextInt(rnd.nextBoolean() ? 10 : 1000);
                    }
                }
                if (Arrays.stream(points).sum() == 0) {
                    points[0] = 1;
                }
                b.allocates(points);
                break;
            }
            default:
                b.ranks(subset(rnd, k, shape.partialRankings ? 1 + rnd.nextInt(k) : k));
        }
    }

    /** {@code size} distinct options in random order. */
    static int[] subset(Random rnd, int k, int size) {
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, size);
    }
}
