package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.tally.io.CanonicalJson;

/**
 * The author (while a member of the deciding circle) or a facilitator corrects the wording of an open proposal —
 * its title, summary, body and option labels — during deliberation and voting. What deliberation opened with stays:
 * the method, the options' number and order, the rules, the groups, the deadlines. Each correction is kept as a
 * revision (who, when, why, each field before and after) and written to the ledger with the new wording's hash and
 * the option labels, so that a recount checks the published document against the labels it counted under.
 */
@ApplicationScoped
class CorrectWording {

    private final Steerable steerable;
    private final Proposals access;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    CorrectWording(Steerable steerable, Proposals access, CurrentMember current, Ledger ledger, Clock clock) {
        this.steerable = steerable;
        this.access = access;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    Proposal correct(String ref, ProposalRequests.Correction c) {
        Proposal p = steerable.lock(
                ref,
                Participation.Steering.CORRECT_WORDING,
                "correct the proposal's wording",
                Phase.DELIBERATION,
                Phase.VOTING);
        List<Violation> violations = new ArrayList<>();
        for (String field : c.frozenNamed()) {
            violations.add(new Violation(
                    field, ProposalField.FROZEN, "is frozen once deliberation opens; only the wording is corrected"));
        }
        List<ProposalOption> options = access.options(p.id);
        if (c.options() != null) {
            if (c.options().size() != options.size()) {
                violations.add(new Violation(
                        "options",
                        ProposalField.FROZEN,
                        "the proposal has " + options.size()
                                + " options: their number and order are frozen once deliberation opens"));
            } else {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < c.options().size(); i++) {
                    String label = c.options().get(i);
                    if (label != null && !seen.add(label.trim().toLowerCase(Locale.ROOT))) {
                        violations.add(new Violation(
                                "options[" + i + "]", ProposalField.DUPLICATE_OPTION, "repeats an earlier option"));
                    }
                }
            }
        }
        if (c.title() != null && c.title().isBlank()) {
            violations.add(new Violation("title", ViolationCode.NOT_BLANK, "must not be blank"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        if (c.title() != null && !c.title().trim().equals(p.title)) {
            changes.add(change("title", p.title, c.title().trim()));
            p.title = c.title().trim();
        }
        if (c.summary() != null && !c.summary().trim().equals(p.summary)) {
            changes.add(change("summary", p.summary, c.summary().trim()));
            p.summary = c.summary().trim();
        }
        if (c.body() != null && !c.body().equals(p.body)) {
            changes.add(change("body", p.body, c.body()));
            p.body = c.body();
        }
        if (c.options() != null) {
            for (ProposalOption o : options) {
                String label = c.options().get(o.position).trim();
                if (!label.equals(o.label)) {
                    changes.add(change("options[" + o.position + "]", o.label, label));
                    o.label = label;
                }
            }
        }
        if (changes.isEmpty()) {
            throw ProblemException.invalid("note", ProposalField.NO_CHANGE, "the correction changes no wording");
        }
        Instant now = clock.instant();
        int revision = ProposalRevision.count(p.id) + 1;
        ProposalRevision r = new ProposalRevision();
        r.id = UUID.randomUUID();
        r.proposalId = p.id;
        r.revision = revision;
        r.editorId = current.id();
        r.editedAt = now;
        r.note = c.note().trim();
        r.changes = CanonicalJson.write(changes);
        r.persist();
        p.updatedAt = now;
        List<Object> labels = new ArrayList<>();
        if (p.usesOptions()) {
            options.forEach(o -> labels.add(o.label));
        }
        Map<String, Object> wording = new LinkedHashMap<>();
        wording.put("title", p.title);
        wording.put("summary", p.summary);
        wording.put("body", p.body);
        wording.put("options", labels);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("revision", (long) revision);
        payload.put("note", r.note);
        payload.put("fields", changes.stream().map(ch -> ch.get("field")).toList());
        payload.put("options", labels);
        payload.put("wordingSha256", Ledger.sha256(CanonicalJson.write(wording)));
        ledger.append(p.id, LedgerKind.PROPOSAL_CORRECTED, current.id().toString(), payload);
        return p;
    }

    private static Map<String, Object> change(String field, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("field", field);
        change.put("before", Objects.requireNonNullElse(before, ""));
        change.put("after", after);
        return change;
    }
}
