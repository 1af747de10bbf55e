package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ProblemMapper;
import org.devolve.platform.problem.Violation;
import org.devolve.tally.Threshold;

/** Writes a proposal's content (text, method, options, rules, groups) after checking all of it. */
@ApplicationScoped
class ProposalContentWriter {

    private final EntityManager em;
    private final CircleAccess circles;
    private final jakarta.validation.Validator validator;

    ProposalContentWriter(EntityManager em, CircleAccess circles, jakarta.validation.Validator validator) {
        this.em = em;
        this.circles = circles;
        this.validator = validator;
    }

    /** Checks the annotations and the rules between fields together, and reports every violation at once. */
    void validate(ProposalRequests.Content content) {
        List<Violation> violations = new ArrayList<>(ProblemMapper.violations(validator.validate(content)));
        for (Violation v :
                ProposalValidator.check(content, id -> circles.summary(id).isPresent())) {
            if (violations.stream().noneMatch(known -> known.field().equals(v.field()))) {
                violations.add(v);
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** Sets every field from the content and replaces options and groups; {@code p} is persistent. */
    void write(Proposal p, ProposalRequests.Content c, Instant now) {
        apply(p, c, now);
        replaceChildren(p, c, now);
    }

    /** Sets the proposal's own fields from the content. */
    void apply(Proposal p, ProposalRequests.Content c, Instant now) {
        p.title = c.title().trim();
        p.summary = c.summary() == null ? "" : c.summary().trim();
        p.body = c.body() == null ? "" : c.body();
        p.method = c.method();
        p.weighting = c.weighting().policy();
        p.weightingCap =
                c.weighting().cap() == null ? null : c.weighting().cap().shortValue();
        p.threshold = c.threshold() == null
                ? Threshold.SIMPLE_MAJORITY
                : c.threshold().rule();
        p.consentObjectionPpm = c.threshold() == null || c.threshold().objectionPercent() == null
                ? null
                : Shares.ppm(c.threshold().objectionPercent());
        p.quorumTurnoutPpm = c.quorum() == null || c.quorum().turnoutPercent() == null
                ? 0
                : Shares.ppm(c.quorum().turnoutPercent());
        p.quorumHeadcount = c.quorum() == null || c.quorum().headcount() == null
                ? 0
                : c.quorum().headcount();
        p.protection = c.protection() == null
                ? Proposal.ProtectionRule.NONE
                : c.protection().rule();
        p.protectionPpm = c.protection() == null || c.protection().objectionPercent() == null
                ? null
                : Shares.ppm(c.protection().objectionPercent());
        p.secret = c.secret();
        p.liveResults = c.liveResults();
        p.outsidersAllowed = c.outsidersAllowed();
        p.deliberationEndsAt = c.deliberationEndsAt();
        p.votingEndsAt = c.votingEndsAt();
        p.updatedAt = now;
    }

    /** Replaces the options and affected groups of a persistent proposal. */
    void replaceChildren(Proposal p, ProposalRequests.Content c, Instant now) {
        em.flush();
        em.createQuery("delete from ProposalOption o where o.proposalId = :p")
                .setParameter("p", p.id)
                .executeUpdate();
        List<String> options = c.options() == null ? List.of() : c.options();
        for (int i = 0; i < options.size(); i++) {
            ProposalOption option = new ProposalOption();
            option.proposalId = p.id;
            option.position = (short) i;
            option.label = options.get(i).trim();
            em.persist(option);
        }
        em.createQuery("delete from AffectedGroup g where g.proposalId = :p")
                .setParameter("p", p.id)
                .executeUpdate();
        List<ProposalRequests.GroupSpec> groups = c.affectedGroups() == null ? List.of() : c.affectedGroups();
        for (int i = 0; i < groups.size(); i++) {
            addGroup(p, groups.get(i), i, now);
        }
    }

    AffectedGroup addGroup(Proposal p, ProposalRequests.GroupSpec spec, int position, Instant now) {
        AffectedGroup group = new AffectedGroup();
        group.id = UUID.randomUUID();
        group.proposalId = p.id;
        group.position = (short) position;
        group.circleId = spec.circleId();
        String name = spec.name();
        if ((name == null || name.isBlank()) && spec.circleId() != null) {
            name = circles.summary(spec.circleId()).map(CircleSummary::name).orElse("Circle");
        }
        group.name = name.trim();
        group.howAffected = spec.howAffected() == null ? "" : spec.howAffected().trim();
        group.suggestedLevel = spec.suggestedLevel().shortValue();
        group.createdAt = now;
        em.persist(group);
        return group;
    }
}
