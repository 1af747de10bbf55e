package org.devolve.tally;

import java.util.List;
import java.util.function.Consumer;

/**
 * A test fixture that reads like a sentence:
 * {@code Proposal.singleChoice("Park", "Parking").inGroup("tenants", 3).voter("ana", 5).chooses(0).count()}.
 * Voters join the current group (by default "everyone", suggested level 1).
 */
final class Proposal {

    private final TallyInput.Builder builder;
    private final List<String> options;
    private String group;
    private int anonymous;

    private Proposal(Method method, String... options) {
        this.options = List.of(options);
        this.builder = TallyInput.builder(method, this.options);
    }

    static Proposal approveReject() {
        return new Proposal(Method.APPROVE_REJECT);
    }

    static Proposal of(Method method, String... options) {
        return new Proposal(method, options);
    }

    static Proposal singleChoice(String... options) {
        return new Proposal(Method.SINGLE_CHOICE, options);
    }

    Proposal weighted(Weighting weighting) {
        builder.weighting(weighting);
        return this;
    }

    /** Lists a group and makes it current for the voters that follow. */
    Proposal inGroup(String id, int suggestedLevel) {
        builder.group(id, id, suggestedLevel);
        group = id;
        return this;
    }

    Proposal quorum(String turnout, int headcount) {
        builder.quorum(Micro.parse(turnout, Micro.ONE), headcount);
        return this;
    }

    Proposal threshold(Threshold threshold) {
        builder.threshold(threshold);
        return this;
    }

    Proposal consent(String objection) {
        builder.consent(Micro.parse(objection, Micro.ONE));
        return this;
    }

    Proposal protect(Protection protection) {
        builder.protection(protection);
        return this;
    }

    Proposal secret(int k) {
        builder.secret(k);
        return this;
    }

    Proposal voter(String id, int stake) {
        if (group == null) {
            inGroup("everyone", 1);
        }
        builder.voter(id, stake, group);
        return this;
    }

    /** {@code count} more voters of {@code stake}, each casting the ballot {@code ballot} describes. */
    Proposal voters(int count, int stake, Consumer<Proposal> ballot) {
        for (int i = 0; i < count; i++) {
            voter("anon-" + anonymous++, stake);
            ballot.accept(this);
        }
        return this;
    }

    /** {@code count} more voters of stake 1 ranking the named options in this order. */
    Proposal rank(int count, String... names) {
        int[] ranking = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            ranking[i] = options.indexOf(names[i]);
        }
        return voters(count, 1, p -> p.ranks(ranking));
    }

    Proposal weighs(String weight) {
        builder.weight(Micro.parse(weight, Micro.MAX_WEIGHT));
        return this;
    }

    Proposal votes(Stance stance) {
        builder.vote(stance);
        return this;
    }

    Proposal chooses(int option) {
        builder.choice(option);
        return this;
    }

    Proposal approves(int... options) {
        builder.approves(options);
        return this;
    }

    Proposal scores(int... scores) {
        builder.scores(scores);
        return this;
    }

    Proposal allocates(int... points) {
        builder.allocates(points);
        return this;
    }

    Proposal ranks(int... ranking) {
        builder.ranks(ranking);
        return this;
    }

    Proposal delegatesTo(String voter) {
        builder.delegatesTo(voter);
        return this;
    }

    TallyInput input() {
        return builder.build();
    }

    TallyResult count() {
        return Tally.count(input());
    }

    /** Micro-units of a decimal, for assertions: {@code units("1.5") == 1_500_000}. */
    static long units(String decimal) {
        return Micro.parse(decimal, Long.MAX_VALUE);
    }
}
