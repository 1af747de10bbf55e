package org.devolve.tally;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tally engine benchmarks, one thread. Each benchmark counts one operation per ballot (voter), so JMH's
 * "ns/op" reads as ns per ballot; multiply by the ballots for the time of one tally.
 *
 * <p>Run: {@code mvn -B -Pbench test-compile exec:exec@bench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TallyBench {

    static final int MILLION = 1_000_000;
    static final int HUNDRED_K = 100_000;

    TallyInput singleChoice;
    TallyInput approveReject;
    TallyInput approval;
    TallyInput schulze;
    TallyInput irv;
    int[] delegate;
    boolean[] voted;

    @Setup
    public void setUp() {
        Random rnd = new Random(42);
        singleChoice = input(rnd, Method.SINGLE_CHOICE, 5, MILLION);
        approveReject = input(rnd, Method.APPROVE_REJECT, 3, MILLION);
        approval = input(rnd, Method.APPROVAL, 10, MILLION);
        schulze = input(rnd, Method.RANKED_SCHULZE, 10, HUNDRED_K);
        irv = input(rnd, Method.RANKED_IRV, 10, HUNDRED_K);
        delegations(rnd);
    }

    static TallyInput input(Random rnd, Method method, int k, int n) {
        String[] options = new String[method == Method.APPROVE_REJECT ? 0 : k];
        for (int i = 0; i < options.length; i++) {
            options[i] = "option " + i;
        }
        TallyInput.Builder b = TallyInput.builder(method, List.of(options))
                .weighting(Weighting.sqrt())
                .group("g0", "group 0", 2)
                .group("g1", "group 1", 3);
        for (int i = 0; i < n; i++) {
            b.voter("v" + i, 1 + rnd.nextInt(5), rnd.nextBoolean() ? "g0" : "g1");
            switch (method) {
                case SINGLE_CHOICE:
                    b.choice(rnd.nextInt(k));
                    break;
                case APPROVE_REJECT:
                    b.vote(Stance.values()[rnd.nextInt(3)]);
                    break;
                case APPROVAL: {
                    int m = rnd.nextInt(k + 1);
                    int[] approved = new int[m];
                    int start = rnd.nextInt(k);
                    for (int j = 0; j < m; j++) {
                        approved[j] = (start + j) % k;
                    }
                    b.approves(approved);
                    break;
                }
                default: {
                    int[] ranking = RandomTallies.subset(rnd, k, k);
                    b.ranks(ranking);
                }
            }
        }
        return b.build();
    }

    /** A million voters, 30% delegating, in chains of 1 to 1,000 delegators that end at a ballot. */
    void delegations(Random rnd) {
        int n = MILLION;
        delegate = new int[n];
        voted = new boolean[n];
        int[] order = RandomTallies.subset(rnd, n, n);
        int delegators = n * 3 / 10;
        for (int i = delegators; i < n; i++) {
            voted[order[i]] = true;
            delegate[order[i]] = -1;
        }
        int i = 0;
        while (i < delegators) {
            int length = Math.min(delegators - i, 1 + rnd.nextInt(1000));
            int end = order[delegators + rnd.nextInt(n - delegators)];
            for (int j = 0; j < length; j++) {
                delegate[order[i + j]] = j + 1 < length ? order[i + j + 1] : end;
            }
            i += length;
        }
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public TallyResult singleChoice1M() {
        return Tally.outcome(singleChoice);
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public TallyResult approveReject1M() {
        return Tally.outcome(approveReject);
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public TallyResult approval1MTenOptions() {
        return Tally.outcome(approval);
    }

    @Benchmark
    @OperationsPerInvocation(HUNDRED_K)
    public TallyResult schulze100kTenOptions() {
        return Tally.outcome(schulze);
    }

    @Benchmark
    @OperationsPerInvocation(HUNDRED_K)
    public TallyResult irv100kTenOptions() {
        return Tally.outcome(irv);
    }

    @Benchmark
    @OperationsPerInvocation(MILLION)
    public int[] delegation1M() {
        return Delegation.resolve(delegate, voted);
    }

    /** The full explained result: breakdown, counterfactual, delegation and fragility. */
    @Benchmark
    @OperationsPerInvocation(MILLION)
    public TallyResult singleChoice1MExplained() {
        return Tally.count(singleChoice);
    }
}
