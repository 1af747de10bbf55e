package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devolve.identity.CurrentMember;
import org.devolve.ledger.Ledger;
import org.devolve.ledger.LedgerKind;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;

/**
 * The author or a facilitator edits a draft; once deliberation is open, affected groups may still be
 * added (an externality discovered in discussion), and deadlines moved until the proposal closes.
 */
@ApplicationScoped
class EditProposal {

    private final ProposalAccess access;
    private final org.devolve.circle.CircleAccess circles;
    private final ProposalContentWriter writer;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    EditProposal(ProposalAccess access, org.devolve.circle.CircleAccess circles, ProposalContentWriter writer,
            CurrentMember current, Ledger ledger, Clock clock) {
        this.access = access;
        this.circles = circles;
        this.writer = writer;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    Proposal edit(String ref, ProposalRequests.Content content) {
        Proposal p = steerable(ref);
        ProposalAccess.requirePhase(p, "edit the proposal's content", Phase.DRAFT);
        writer.validate(content);
        writer.write(p, content, clock.instant());
        return p;
    }

    @Transactional
    AffectedGroup addGroup(String ref, ProposalRequests.GroupSpec spec) {
        Proposal p = steerable(ref);
        ProposalAccess.requirePhase(p, "add an affected group", Phase.DRAFT, Phase.DELIBERATION);
        var groups = access.groups(p.id);
        if (groups.size() >= 20) {
            throw ProblemException.invalid("affectedGroups", "SIZE", "a proposal has at most 20 affected groups");
        }
        java.util.Set<java.util.UUID> circlesTaken = new java.util.HashSet<>();
        java.util.Set<String> namesTaken = new java.util.HashSet<>();
        for (AffectedGroup g : groups) {
            if (g.circleId != null) {
                circlesTaken.add(g.circleId);
            }
            namesTaken.add(g.name.toLowerCase(java.util.Locale.ROOT));
        }
        java.util.List<Violation> violations = new java.util.ArrayList<>();
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

    @Transactional
    void removeGroup(String ref, String groupId) {
        Proposal p = steerable(ref);
        ProposalAccess.requirePhase(p, "remove an affected group", Phase.DRAFT);
        long removed = AffectedGroup.delete("proposalId = ?1 and id = ?2", p.id,
                org.devolve.platform.web.Ids.parse(groupId).orElse(null));
        if (removed == 0) {
            throw ProblemException.notFound("Affected group " + groupId);
        }
    }

    @Transactional
    Proposal deadlines(String ref, ProposalRequests.Deadlines deadlines) {
        Proposal p = steerable(ref);
        ProposalAccess.requirePhase(p, "change the deadlines", Phase.DRAFT, Phase.DELIBERATION, Phase.VOTING);
        Instant now = clock.instant();
        java.util.List<Violation> violations = new java.util.ArrayList<>();
        Instant deliberation = deadlines.deliberationEndsAt();
        Instant voting = deadlines.votingEndsAt();
        if (p.phase != Phase.DRAFT) {
            if (p.phase == Phase.DELIBERATION && deliberation != null && !deliberation.isAfter(now)) {
                violations.add(new Violation("deliberationEndsAt", "IN_THE_PAST", "must be in the future"));
            }
            if (voting != null && !voting.isAfter(now)) {
                violations.add(new Violation("votingEndsAt", "IN_THE_PAST", "must be in the future"));
            }
            if (p.phase == Phase.VOTING && deliberation != null && !deliberation.equals(p.deliberationEndsAt)) {
                violations.add(new Violation("deliberationEndsAt", "NOT_ALLOWED", "deliberation is over"));
            }
        }
        Instant effectiveDeliberation = p.phase == Phase.VOTING ? p.deliberationEndsAt : deliberation;
        if (effectiveDeliberation != null && voting != null && !voting.isAfter(effectiveDeliberation)) {
            violations.add(new Violation("votingEndsAt", "BEFORE_DELIBERATION_ENDS", "must be after deliberationEndsAt"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (p.phase != Phase.VOTING) {
            p.deliberationEndsAt = deliberation;
        }
        p.votingEndsAt = voting;
        p.updatedAt = now;
        if (p.phase != Phase.DRAFT) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("deliberationEndsAt", p.deliberationEndsAt == null ? null : p.deliberationEndsAt.toString());
            payload.put("votingEndsAt", p.votingEndsAt == null ? null : p.votingEndsAt.toString());
            ledger.append(p.id, LedgerKind.DEADLINES_CHANGED, current.id().toString(), payload);
        }
        return p;
    }

    private Proposal steerable(String ref) {
        Proposal p = access.readableForUpdate(ref);
        if (!access.participation(p).canSteer()) {
            throw ProblemException.forbidden("Only the author and the circle's facilitators may change this proposal");
        }
        return p;
    }
}
