package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/**
 * An affected group joins a proposal: in the draft, by its author or a facilitator; once deliberation is open, by a
 * facilitator until the deliberation deadline (an externality discovered in discussion), written to the ledger.
 */
@ApplicationScoped
class AddGroup {

    private final Steerable steerable;
    private final Proposals access;
    private final CircleAccess circles;
    private final ProposalContentWriter writer;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    AddGroup(
            Steerable steerable,
            Proposals access,
            CircleAccess circles,
            ProposalContentWriter writer,
            CurrentMember current,
            Ledger ledger,
            Clock clock) {
        this.steerable = steerable;
        this.access = access;
        this.circles = circles;
        this.writer = writer;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    AffectedGroup add(String ref, ProposalRequests.GroupSpec spec) {
        Proposal p = steerable.lock(
                ref, Participation.Steering.ADD_GROUP, "add an affected group", Phase.DRAFT, Phase.DELIBERATION);
        if (p.phase == Phase.DELIBERATION) {
            PhaseGuards.requireDeliberating(p, clock.instant(), "add an affected group");
        }
        var groups = access.groups(p.id);
        if (groups.size() >= 20) {
            throw ProblemException.invalid(
                    "affectedGroups", ViolationCode.SIZE, "a proposal has at most 20 affected groups");
        }
        Set<UUID> circlesTaken = new HashSet<>();
        Set<String> namesTaken = new HashSet<>();
        for (AffectedGroup g : groups) {
            if (g.circleId != null) {
                circlesTaken.add(g.circleId);
            }
            namesTaken.add(g.name.toLowerCase(Locale.ROOT));
        }
        List<Violation> violations = new ArrayList<>();
        ProposalValidator.group(spec, "", id -> circles.summary(id).isPresent(), circlesTaken, namesTaken, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        int position = groups.stream().mapToInt(g -> g.position).max().orElse(-1) + 1;
        AffectedGroup group = writer.addGroup(p, spec, position, clock.instant());
        if (p.phase != Phase.DRAFT) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("group", group.id.toString());
            payload.put("name", group.name);
            payload.put("suggestedLevel", (long) group.suggestedLevel);
            payload.put("circle", group.circleId == null ? null : group.circleId.toString());
            ledger.append(p.id, LedgerKind.GROUP_ADDED, current.id().toString(), payload);
        }
        return group;
    }
}
