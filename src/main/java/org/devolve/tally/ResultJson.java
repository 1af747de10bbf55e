package org.devolve.tally;

import java.util.List;
import org.devolve.tally.json.JsonWriter;

/** Writes a {@link TallyResult} in the result format of docs/tally-format.md. */
final class ResultJson {

    private ResultJson() {
    }

    static String write(TallyResult r) {
        JsonWriter j = new JsonWriter(99);
        j.beginObject();
        TallyDocument.header(j, r.proposal(), r.ledgerHead(), r.method(), r.options());
        j.name("outcome").value(r.outcome().name());
        j.name("winner");
        winner(j, r.winner(), r.options());
        j.name("totals");
        decimals(j, r.totals());
        j.name("ranking").beginArrayInline();
        r.ranking().forEach(j::value);
        j.endArray();
        turnout(j, r.turnout());
        TallyResult.QuorumCheck q = r.quorum();
        j.name("quorum").beginObject().name("turnout").value(Micro.format(q.turnoutPpm()))
                .name("headcount").value(q.headcount()).name("turnoutMet").value(q.turnoutMet())
                .name("headcountMet").value(q.headcountMet()).name("met").value(q.met()).endObject();
        if (r.threshold() != null) {
            TallyResult.ThresholdCheck t = r.threshold();
            j.name("threshold").beginObject().name("rule").value(t.rule().name());
            if (t.rule() == Threshold.CONSENT) {
                j.name("objection").value(Micro.format(t.objectionPpm()));
            }
            j.name("met").value(t.met()).endObject();
        }
        if (r.protection() != null) {
            TallyResult.ProtectionCheck p = r.protection();
            j.name("protection").beginObject().name("rule").value(p.rule().name());
            if (p.rule() == Protection.Rule.NO_OBJECTION) {
                j.name("objection").value(Micro.format(p.objectionPpm()));
            }
            j.name("fromLevel").value(p.fromLevel()).name("totals");
            decimals(j, p.totals());
            j.name("met").value(p.met()).endObject();
        }
        j.name("ties").beginArray();
        for (TallyResult.Tie t : r.ties()) {
            j.beginObjectInline().name("stage").value(t.stage());
            if (t.round() > 0) {
                j.name("round").value(t.round());
            }
            j.name("options").beginArrayInline();
            t.options().forEach(j::value);
            j.endArray().name("chosen").value(t.chosen()).name("rule").value(t.rule().name()).endObject();
        }
        j.endArray();
        if (r.details() != null) {
            details(j, r.details());
        }
        if (r.breakdown() != null) {
            breakdown(j, r.breakdown());
        }
        if (r.counterfactual() != null) {
            TallyResult.Counterfactual c = r.counterfactual();
            j.name("counterfactual").beginObject().name("rule").value("ONE_PERSON_ONE_VOTE")
                    .name("outcome").value(c.outcome().name()).name("winner");
            winner(j, c.winner(), r.options());
            j.name("totals");
            decimals(j, c.totals());
            j.name("changesOutcome").value(c.changesOutcome()).endObject();
        }
        TallyResult.DelegationSummary d = r.delegation();
        j.name("delegation").beginObject().name("weightMoved").value(Micro.format(d.weightMoved()))
                .name("delegatorsFollowed").value(d.delegatorsFollowed())
                .name("weightLost").value(Micro.format(d.weightLost()))
                .name("delegatorsLost").value(d.delegatorsLost()).endObject();
        if (r.fragility() != null) {
            TallyResult.Fragility f = r.fragility();
            j.name("fragility").beginObject().name("applicable").value(f.applicable())
                    .name("flips").value(f.flips()).name("robust").value(f.applicable() && !f.flips())
                    .name("count").value(f.count()).name("voters").beginArrayInline();
            f.voters().forEach(j::value);
            j.endArray().name("fragile").value(f.fragile()).name("fragileAtMost").value(f.fragileAtMost())
                    .name("search").value(f.search()).endObject();
        }
        j.endObject();
        return j.toString() + "\n";
    }

    private static void winner(JsonWriter j, int winner, List<String> options) {
        if (winner < 0) {
            j.nullValue();
        } else {
            j.beginObjectInline().name("index").value(winner).name("name").value(options.get(winner)).endObject();
        }
    }

    private static void turnout(JsonWriter j, TallyResult.Turnout t) {
        j.name("turnout").beginObject().name("weightCast").value(Micro.format(t.weightCast()))
                .name("weightDeclared").value(Micro.format(t.weightDeclared()))
                .name("turnout").value(Micro.format(t.turnoutPpm()))
                .name("voters").value(t.voters()).name("delegators").value(t.delegators())
                .name("headcount").value(t.headcount()).name("declarants").value(t.declarants()).endObject();
    }

    private static void details(JsonWriter j, TallyResult.Details d) {
        j.name("details").beginObject();
        if (d.scoreMeans() != null) {
            j.name("scoreMeans");
            decimals(j, d.scoreMeans());
        }
        if (d.allocated() != null) {
            j.name("allocated");
            decimals(j, d.allocated());
        }
        if (d.firstPreferences() != null) {
            j.name("firstPreferences");
            decimals(j, d.firstPreferences());
        }
        if (d.rounds() != null) {
            j.name("rounds").beginArray();
            for (TallyResult.Round round : d.rounds()) {
                j.beginObjectInline().name("totals");
                decimals(j, round.totals());
                j.name("exhausted").value(Micro.format(round.exhausted()));
                j.name("eliminated");
                if (round.eliminated() < 0) {
                    j.nullValue();
                } else {
                    j.value(round.eliminated());
                }
                j.endObject();
            }
            j.endArray();
        }
        if (d.pairwise() != null) {
            j.name("pairwise");
            matrix(j, d.pairwise());
        }
        if (d.strongestPaths() != null) {
            j.name("strongestPaths");
            matrix(j, d.strongestPaths());
        }
        if (d.copeland() != null) {
            j.name("copeland").beginArray();
            for (TallyResult.CopelandScore c : d.copeland()) {
                j.beginObjectInline().name("wins").value(c.wins()).name("ties").value(c.ties())
                        .name("losses").value(c.losses()).name("support").value(Micro.format(c.support())).endObject();
            }
            j.endArray();
        }
        j.endObject();
    }

    private static void breakdown(JsonWriter j, TallyResult.Breakdown b) {
        j.name("breakdown").beginObject().name("measure").value(b.measure()).name("secret").value(b.secret())
                .name("minCellVoters").value(b.minCellVoters()).name("totals");
        decimals(j, b.totals());
        cells(j, "byGroup", b.byGroup());
        cells(j, "byLevel", b.byLevel());
        j.endObject();
    }

    private static void cells(JsonWriter j, String name, List<TallyResult.Cell> cells) {
        j.name(name).beginArray();
        for (TallyResult.Cell c : cells) {
            j.beginObjectInline().name("key").value(c.key()).name("name").value(c.name()).name("voters").value(c.voters())
                    .name("weightCast").value(Micro.format(c.weightCast()))
                    .name("weightDeclared").value(Micro.format(c.weightDeclared())).name("totals");
            decimals(j, c.totals());
            j.endObject();
        }
        j.endArray();
    }

    private static void matrix(JsonWriter j, List<List<Long>> rows) {
        j.beginArray();
        for (List<Long> row : rows) {
            decimals(j, row);
        }
        j.endArray();
    }

    private static void decimals(JsonWriter j, List<Long> values) {
        j.beginArrayInline();
        for (long v : values) {
            j.value(Micro.format(v));
        }
        j.endArray();
    }
}
