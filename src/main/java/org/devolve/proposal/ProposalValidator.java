package org.devolve.proposal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.devolve.circle.CircleField;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.tally.Method;
import org.devolve.tally.Policy;
import org.devolve.tally.Threshold;

/**
 * The rules between fields of a proposal that annotations cannot say. Returns every violation at once,
 * each with a stable code; an empty list means the content is valid.
 */
final class ProposalValidator {

    private ProposalValidator() {}

    static List<Violation> check(ProposalRequests.Content c, Predicate<UUID> circleExists) {
        List<Violation> out = new ArrayList<>();
        List<String> options = c.options() == null ? List.of() : c.options();
        if (c.method() == Method.APPROVE_REJECT) {
            if (!options.isEmpty()) {
                out.add(new Violation(
                        "options",
                        ProposalField.OPTIONS_NOT_ALLOWED,
                        "APPROVE_REJECT has no options: the ballot is FOR, AGAINST or ABSTAIN"));
            }
        } else if (c.method() != null && options.size() < 2) {
            out.add(new Violation("options", ProposalField.TOO_FEW_OPTIONS, c.method() + " needs at least 2 options"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            String label = options.get(i);
            if (label != null && !seen.add(label.trim().toLowerCase(Locale.ROOT))) {
                out.add(new Violation(
                        "options[" + i + "]", ProposalField.DUPLICATE_OPTION, "repeats an earlier option"));
            }
        }
        if (c.weighting() != null) {
            if (c.weighting().policy() == Policy.EXPLICIT) {
                out.add(new Violation(
                        "weighting.policy",
                        ProposalField.POLICY_NOT_AVAILABLE,
                        "EXPLICIT weights are for tally documents; proposals weigh declared stakes"));
            }
            boolean capped = c.weighting().policy() == Policy.CAPPED;
            if (capped && c.weighting().cap() == null) {
                out.add(new Violation("weighting.cap", ViolationCode.REQUIRED, "CAPPED needs a cap from 1 to 5"));
            }
            if (!capped && c.weighting().cap() != null) {
                out.add(new Violation("weighting.cap", ViolationCode.NOT_ALLOWED, "only CAPPED has a cap"));
            }
        }
        if (c.threshold() != null) {
            if (c.method() != null
                    && c.method() != Method.APPROVE_REJECT
                    && c.threshold().rule() != Threshold.SIMPLE_MAJORITY) {
                out.add(new Violation(
                        "threshold.rule",
                        ViolationCode.NOT_ALLOWED,
                        "thresholds apply to APPROVE_REJECT; other methods elect the option with most support"));
            }
            boolean consent = c.threshold().rule() == Threshold.CONSENT;
            if (consent && c.threshold().objectionPercent() == null) {
                out.add(new Violation(
                        "threshold.objectionPercent", ViolationCode.REQUIRED, "CONSENT needs the objection share"));
            }
            if (!consent && c.threshold().objectionPercent() != null) {
                out.add(new Violation(
                        "threshold.objectionPercent",
                        ViolationCode.NOT_ALLOWED,
                        "only CONSENT has an objection share"));
            }
        }
        if (c.protection() != null) {
            if (c.method() != null
                    && c.method() != Method.APPROVE_REJECT
                    && c.protection().rule() != Proposal.ProtectionRule.NONE) {
                out.add(new Violation(
                        "protection.rule",
                        ViolationCode.NOT_ALLOWED,
                        "protection of the most affected applies to APPROVE_REJECT"));
            }
            boolean objection = c.protection().rule() == Proposal.ProtectionRule.NO_OBJECTION;
            if (objection && c.protection().objectionPercent() == null) {
                out.add(new Violation(
                        "protection.objectionPercent",
                        ViolationCode.REQUIRED,
                        "NO_OBJECTION needs the objection share"));
            }
            if (!objection && c.protection().objectionPercent() != null) {
                out.add(new Violation(
                        "protection.objectionPercent",
                        ViolationCode.NOT_ALLOWED,
                        "only NO_OBJECTION has an objection share"));
            }
        }
        if (c.secret() && c.liveResults()) {
            out.add(new Violation(
                    "liveResults",
                    ProposalField.NOT_WITH_SECRET,
                    "a secret proposal cannot show live results: "
                            + "each ballot would move them on its own, and so be seen"));
        }
        Instant deliberation = c.deliberationEndsAt();
        Instant voting = c.votingEndsAt();
        if (deliberation != null && voting != null && !voting.isAfter(deliberation)) {
            out.add(new Violation(
                    "votingEndsAt", ProposalField.BEFORE_DELIBERATION_ENDS, "must be after deliberationEndsAt"));
        }
        List<ProposalRequests.GroupSpec> groups = c.affectedGroups() == null ? List.of() : c.affectedGroups();
        Set<UUID> circles = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i) != null) {
                group(groups.get(i), "affectedGroups[" + i + "].", circleExists, circles, names, out);
            }
        }
        return out;
    }

    /**
     * Checks one affected group against the rules and against the groups already there ({@code circles} and
     * {@code names} are the circles and lower-case names taken so far, and receive this group's).
     */
    static void group(
            ProposalRequests.GroupSpec g,
            String prefix,
            Predicate<UUID> circleExists,
            Set<UUID> circles,
            Set<String> names,
            List<Violation> out) {
        if (g.circleId() == null && (g.name() == null || g.name().isBlank())) {
            out.add(new Violation(prefix + "name", ViolationCode.REQUIRED, "a described group needs a name"));
        }
        if (g.circleId() != null && !circleExists.test(g.circleId())) {
            out.add(new Violation(prefix + "circleId", CircleField.UNKNOWN_CIRCLE, "is not a circle"));
        }
        if (g.circleId() != null && !circles.add(g.circleId())) {
            out.add(new Violation(
                    prefix + "circleId", ProposalField.DUPLICATE_GROUP, "this circle is already an affected group"));
        }
        if (g.name() != null
                && !g.name().isBlank()
                && !names.add(g.name().trim().toLowerCase(Locale.ROOT))) {
            out.add(new Violation(prefix + "name", ProposalField.DUPLICATE_GROUP, "another group has this name"));
        }
    }

    /** What opening the deliberation needs beyond valid content. */
    static List<Violation> readyForDeliberation(Proposal p, long groups, Instant now) {
        List<Violation> out = new ArrayList<>();
        if (groups == 0) {
            out.add(new Violation(
                    "affectedGroups", ViolationCode.REQUIRED, "say who the decision affects before opening it"));
        }
        if (p.deliberationEndsAt != null && !p.deliberationEndsAt.isAfter(now)) {
            out.add(new Violation(
                    "deliberationEndsAt", ViolationCode.IN_THE_PAST, "must be in the future when deliberation opens"));
        }
        if (p.votingEndsAt != null && !p.votingEndsAt.isAfter(now)) {
            out.add(new Violation(
                    "votingEndsAt", ViolationCode.IN_THE_PAST, "must be in the future when deliberation opens"));
        }
        return out;
    }
}
