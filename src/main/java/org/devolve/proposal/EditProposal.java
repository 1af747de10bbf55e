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
 * The author (while a member of the deciding circle) or a facilitator edits a draft, its groups and its
 * deadlines. Once deliberation is open, these are the facilitators' alone: affected groups may still be added
 * until the deliberation deadline (an externality discovered in discussion), and deadlines moved while they lie
 * ahead, never after the vote has ended, and the end of an open vote never removed.
 */
@ApplicationScoped
class EditProposal {

    private final Proposals access;
    private final ProposalPolicy policy;
    private final org.devolve.circle.CircleAccess circles;
    private final ProposalContentWriter writer;
    private final CurrentMember current;
    private final Ledger ledger;
    private final Clock clock;

    EditProposal(Proposals access, ProposalPolicy policy, org.devolve.circle.CircleAccess circles, ProposalContentWriter writer,
            CurrentMember current, Ledger ledger, Clock clock) {
        this.access = access;
        this.policy = policy;
        this.circles = circles;
        this.writer = writer;
        this.current = current;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    Proposal edit(String ref, ProposalRequests.Content content) {
        Proposal p = steerable(ref, Participation.Steering.EDIT_DRAFT, "edit the proposal's content", Phase.DRAFT);
        writer.validate(content);
        writer.write(p, content, clock.instant());
        return p;
    }

    @Transactional
    AffectedGroup addGroup(String ref, ProposalRequests.GroupSpec spec) {
        Proposal p = steerable(ref, Participation.Steering.ADD_GROUP, "add an affected group", Phase.DRAFT,
                Phase.DELIBERATION);
        if (p.phase == Phase.DELIBERATION) {
            PhaseGuards.requireDeliberating(p, clock.instant(), "add an affected group");
        }
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
        Proposal p = steerable(ref, Participation.Steering.EDIT_DRAFT, "remove an affected group", Phase.DRAFT);
        long removed = AffectedGroup.delete("proposalId = ?1 and id = ?2", p.id,
                org.devolve.platform.web.Ids.parse(groupId).orElse(null));
        if (removed == 0) {
            throw ProblemException.notFound("Affected group " + groupId);
        }
    }

    /**
     * Sets both deadlines. In a draft, anything goes that is in order. Once open: a deadline is moved only while it
     * lies ahead (a passed one stays as it is, and a new one must lie ahead); nothing moves at or after the end of
     * the vote; once voting is open its end can be moved but not removed, and the end of deliberation is history.
     */
    @Transactional
    Proposal deadlines(String ref, ProposalRequests.Deadlines deadlines) {
        Proposal p = steerable(ref, Participation.Steering.CHANGE_DEADLINES, "change the deadlines", Phase.DRAFT,
                Phase.DELIBERATION, Phase.VOTING);
        Instant now = clock.instant();
        Instant deliberation = p.phase == Phase.VOTING && deadlines.deliberationEndsAt() == null
                ? p.deliberationEndsAt : deadlines.deliberationEndsAt();
        Instant voting = deadlines.votingEndsAt();
        if (p.phase != Phase.DRAFT) {
            PhaseGuards.requireVotingNotEnded(p, now, "change the deadlines");
            boolean over = p.phase == Phase.VOTING
                    || p.deliberationEndsAt != null && !now.isBefore(p.deliberationEndsAt);
            if (over && changed(p.deliberationEndsAt, deliberation)) {
                throw ProblemException.of(ProposalProblem.DEADLINE_PASSED, "Deliberation "
                        + (p.phase == Phase.VOTING ? "is over" : "ended at " + p.deliberationEndsAt)
                        + ": its deadline stays as it is; a deadline is moved only while it lies ahead")
                        .with("deadline", "deliberationEndsAt");
            }
            if (p.phase == Phase.VOTING && p.votingEndsAt != null && voting == null) {
                throw ProblemException.of(ProposalProblem.DEADLINE_REQUIRED, "Voting is open until "
                        + p.votingEndsAt + ": its end can be moved, not removed").with("deadline", "votingEndsAt");
            }
        }
        java.util.List<Violation> violations = new java.util.ArrayList<>();
        if (p.phase != Phase.DRAFT) {
            if (changed(p.deliberationEndsAt, deliberation) && deliberation != null && !deliberation.isAfter(now)) {
                violations.add(new Violation("deliberationEndsAt", "IN_THE_PAST", "must be in the future"));
            }
            if (changed(p.votingEndsAt, voting) && voting != null && !voting.isAfter(now)) {
                violations.add(new Violation("votingEndsAt", "IN_THE_PAST", "must be in the future"));
            }
        }
        if (deliberation != null && voting != null && !voting.isAfter(deliberation)) {
            violations.add(new Violation("votingEndsAt", "BEFORE_DELIBERATION_ENDS", "must be after deliberationEndsAt"));
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        p.deliberationEndsAt = deliberation;
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

    private static boolean changed(Instant current, Instant requested) {
        return !java.util.Objects.equals(current, requested);
    }

    /**
     * The proposal, locked, once the caller is known to steer it, it is in one of the phases, and the caller may
     * steer it so in this phase (in that order, so that an author learns of a wrong phase before being told it
     * is not theirs to change).
     */
    private Proposal steerable(String ref, Participation.Steering steering, String action, Phase... phases) {
        Proposal p = access.readableForUpdate(ref);
        Participation who = policy.participation(p);
        ProposalPolicy.requireSteerer(who, action);
        PhaseGuards.requirePhase(p, action, phases);
        ProposalPolicy.requireSteering(p, who, steering, action);
        return p;
    }
}
