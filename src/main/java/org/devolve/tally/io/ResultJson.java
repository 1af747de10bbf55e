package org.devolve.tally.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.devolve.tally.Micro;
import org.devolve.tally.Protection;
import org.devolve.tally.TallyResult;
import org.devolve.tally.Threshold;

/**
 * Writes a {@link TallyResult} in the result format of docs/tally-format.md: the one writer of results, used by
 * the service (which stores and serves these bytes, and puts their SHA-256 in the ledger) and by the recount
 * command (which prints them), so that a recount can be compared byte for byte.
 */
public final class ResultJson {

    private ResultJson() {}

    /** The result as JSON text, indented, ending with a newline. */
    public static String write(TallyResult r) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator j = Json.FACTORY.createGenerator(out)) {
            DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                    .withSeparators(com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)
                            .withArrayValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
            j.setPrettyPrinter(pretty);
            write(j, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(JsonGenerator j, TallyResult r) throws IOException {
        j.writeStartObject();
        TallyDocument.header(j, r.proposal(), r.ledgerHead(), r.method(), r.options());
        j.writeStringField("outcome", r.outcome().name());
        j.writeFieldName("winner");
        winner(j, r.winner(), r.options());
        j.writeFieldName("totals");
        decimals(j, r.totals());
        j.writeFieldName("ranking");
        j.writeStartArray();
        for (int i : r.ranking()) {
            j.writeNumber(i);
        }
        j.writeEndArray();
        TallyResult.Turnout t = r.turnout();
        j.writeObjectFieldStart("turnout");
        j.writeStringField("weightCast", Micro.format(t.weightCast()));
        j.writeStringField("weightDeclared", Micro.format(t.weightDeclared()));
        j.writeStringField("turnout", Micro.format(t.turnoutPpm()));
        j.writeNumberField("voters", t.voters());
        j.writeNumberField("delegators", t.delegators());
        j.writeNumberField("headcount", t.headcount());
        j.writeNumberField("declarants", t.declarants());
        j.writeEndObject();
        TallyResult.QuorumCheck q = r.quorum();
        j.writeObjectFieldStart("quorum");
        j.writeStringField("turnout", Micro.format(q.turnoutPpm()));
        j.writeNumberField("headcount", q.headcount());
        j.writeBooleanField("turnoutMet", q.turnoutMet());
        j.writeBooleanField("headcountMet", q.headcountMet());
        j.writeBooleanField("met", q.met());
        j.writeEndObject();
        if (r.threshold() != null) {
            TallyResult.ThresholdCheck th = r.threshold();
            j.writeObjectFieldStart("threshold");
            j.writeStringField("rule", th.rule().name());
            if (th.rule() == Threshold.CONSENT) {
                j.writeStringField("objection", Micro.format(th.objectionPpm()));
            }
            j.writeBooleanField("met", th.met());
            j.writeEndObject();
        }
        if (r.protection() != null) {
            TallyResult.ProtectionCheck p = r.protection();
            j.writeObjectFieldStart("protection");
            j.writeStringField("rule", p.rule().name());
            if (p.rule() == Protection.Rule.NO_OBJECTION) {
                j.writeStringField("objection", Micro.format(p.objectionPpm()));
            }
            j.writeNumberField("fromLevel", p.fromLevel());
            j.writeFieldName("totals");
            decimals(j, p.totals());
            j.writeBooleanField("met", p.met());
            j.writeEndObject();
        }
        j.writeArrayFieldStart("ties");
        for (TallyResult.Tie tie : r.ties()) {
            j.writeStartObject();
            j.writeStringField("stage", tie.stage());
            if (tie.round() > 0) {
                j.writeNumberField("round", tie.round());
            }
            j.writeArrayFieldStart("options");
            for (int o : tie.options()) {
                j.writeNumber(o);
            }
            j.writeEndArray();
            j.writeNumberField("chosen", tie.chosen());
            j.writeStringField("rule", tie.rule().name());
            j.writeEndObject();
        }
        j.writeEndArray();
        if (r.details() != null) {
            details(j, r.details());
        }
        if (r.breakdown() != null) {
            breakdown(j, r.breakdown());
        }
        if (r.counterfactual() != null) {
            TallyResult.Counterfactual c = r.counterfactual();
            j.writeObjectFieldStart("counterfactual");
            j.writeStringField("rule", "ONE_PERSON_ONE_VOTE");
            j.writeStringField("outcome", c.outcome().name());
            j.writeFieldName("winner");
            winner(j, c.winner(), r.options());
            j.writeFieldName("totals");
            decimals(j, c.totals());
            j.writeBooleanField("changesOutcome", c.changesOutcome());
            j.writeEndObject();
        }
        if (r.anchored() != null) {
            TallyResult.Anchored a = r.anchored();
            j.writeObjectFieldStart("anchored");
            j.writeStringField("rule", "SUGGESTED_LEVEL_AT_MOST");
            j.writeStringField("outcome", a.outcome().name());
            j.writeFieldName("winner");
            winner(j, a.winner(), r.options());
            j.writeFieldName("totals");
            decimals(j, a.totals());
            j.writeBooleanField("changesOutcome", a.changesOutcome());
            j.writeNumberField("lowered", a.lowered());
            j.writeStringField("weightRemoved", Micro.format(a.weightRemoved()));
            j.writeEndObject();
        }
        TallyResult.DelegationSummary d = r.delegation();
        j.writeObjectFieldStart("delegation");
        j.writeStringField("weightMoved", Micro.format(d.weightMoved()));
        j.writeNumberField("delegatorsFollowed", d.delegatorsFollowed());
        j.writeStringField("weightLost", Micro.format(d.weightLost()));
        j.writeNumberField("delegatorsLost", d.delegatorsLost());
        j.writeEndObject();
        if (r.fragility() != null) {
            TallyResult.Fragility f = r.fragility();
            j.writeObjectFieldStart("fragility");
            j.writeBooleanField("applicable", f.applicable());
            j.writeBooleanField("flips", f.flips());
            j.writeBooleanField("robust", f.applicable() && !f.flips());
            j.writeNumberField("count", f.count());
            j.writeArrayFieldStart("voters");
            for (String v : f.voters()) {
                j.writeString(v);
            }
            j.writeEndArray();
            j.writeBooleanField("fragile", f.fragile());
            j.writeStringField("search", f.search());
            j.writeEndObject();
        }
        if (r.secrecy() != null) {
            secrecy(j, r.secrecy());
        }
        j.writeEndObject();
    }

    private static void secrecy(JsonGenerator j, TallyResult.SecrecyReport s) throws IOException {
        j.writeObjectFieldStart("secrecy");
        j.writeNumberField("minCellVoters", s.minCellVoters());
        j.writeArrayFieldStart("smallClasses");
        for (TallyResult.SmallClass c : s.smallClasses()) {
            j.writeStartObject();
            j.writeStringField("group", c.group());
            if (c.level() == null) {
                j.writeNullField("level");
            } else {
                j.writeNumberField("level", c.level());
            }
            j.writeStringField("weight", Micro.format(c.weight()));
            if (c.lowerTo() != null) {
                j.writeNumberField("lowerTo", c.lowerTo());
            }
            j.writeNumberField("declarations", c.declarations());
            j.writeNumberField("ballots", c.ballots());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeArrayFieldStart("unanimous");
        for (TallyResult.Unanimous u : s.unanimous()) {
            j.writeStartObject();
            j.writeStringField("breakdown", u.breakdown());
            j.writeStringField("key", u.key());
            j.writeStringField("name", u.name());
            j.writeNumberField("voters", u.voters());
            j.writeNumberField("option", u.option());
            j.writeEndObject();
        }
        j.writeEndArray();
        j.writeBooleanField("unequalWeights", s.unequalWeights());
        j.writeEndObject();
    }

    private static void winner(JsonGenerator j, int winner, List<String> options) throws IOException {
        if (winner < 0) {
            j.writeNull();
        } else {
            j.writeStartObject();
            j.writeNumberField("index", winner);
            j.writeStringField("name", options.get(winner));
            j.writeEndObject();
        }
    }

    private static void details(JsonGenerator j, TallyResult.Details d) throws IOException {
        j.writeObjectFieldStart("details");
        if (d.scoreMeans() != null) {
            j.writeFieldName("scoreMeans");
            decimals(j, d.scoreMeans());
        }
        if (d.allocated() != null) {
            j.writeFieldName("allocated");
            decimals(j, d.allocated());
        }
        if (d.firstPreferences() != null) {
            j.writeFieldName("firstPreferences");
            decimals(j, d.firstPreferences());
        }
        if (d.rounds() != null) {
            j.writeArrayFieldStart("rounds");
            for (TallyResult.Round round : d.rounds()) {
                j.writeStartObject();
                j.writeFieldName("totals");
                decimals(j, round.totals());
                j.writeStringField("exhausted", Micro.format(round.exhausted()));
                if (round.eliminated() < 0) {
                    j.writeNullField("eliminated");
                } else {
                    j.writeNumberField("eliminated", round.eliminated());
                }
                j.writeEndObject();
            }
            j.writeEndArray();
        }
        if (d.pairwise() != null) {
            j.writeFieldName("pairwise");
            matrix(j, d.pairwise());
        }
        if (d.strongestPaths() != null) {
            j.writeFieldName("strongestPaths");
            matrix(j, d.strongestPaths());
        }
        if (d.copeland() != null) {
            j.writeArrayFieldStart("copeland");
            for (TallyResult.CopelandScore c : d.copeland()) {
                j.writeStartObject();
                j.writeNumberField("wins", c.wins());
                j.writeNumberField("ties", c.ties());
                j.writeNumberField("losses", c.losses());
                j.writeStringField("support", Micro.format(c.support()));
                j.writeEndObject();
            }
            j.writeEndArray();
        }
        j.writeEndObject();
    }

    private static void breakdown(JsonGenerator j, TallyResult.Breakdown b) throws IOException {
        j.writeObjectFieldStart("breakdown");
        j.writeStringField("measure", b.measure());
        j.writeBooleanField("secret", b.secret());
        j.writeNumberField("minCellVoters", b.minCellVoters());
        j.writeFieldName("totals");
        decimals(j, b.totals());
        cells(j, "byGroup", b.byGroup());
        cells(j, "byLevel", b.byLevel());
        j.writeEndObject();
    }

    private static void cells(JsonGenerator j, String name, List<TallyResult.Cell> cells) throws IOException {
        j.writeArrayFieldStart(name);
        for (TallyResult.Cell c : cells) {
            j.writeStartObject();
            j.writeStringField("key", c.key());
            j.writeStringField("name", c.name());
            j.writeNumberField("voters", c.voters());
            j.writeStringField("weightCast", Micro.format(c.weightCast()));
            j.writeStringField("weightDeclared", Micro.format(c.weightDeclared()));
            j.writeFieldName("totals");
            decimals(j, c.totals());
            j.writeEndObject();
        }
        j.writeEndArray();
    }

    private static void matrix(JsonGenerator j, List<List<Long>> rows) throws IOException {
        j.writeStartArray();
        for (List<Long> row : rows) {
            decimals(j, row);
        }
        j.writeEndArray();
    }

    private static void decimals(JsonGenerator j, List<Long> values) throws IOException {
        j.writeStartArray();
        for (long v : values) {
            j.writeString(Micro.format(v));
        }
        j.writeEndArray();
    }
}
