package org.devolve.circle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/** An admin creates a circle, optionally inside parent circles, and becomes its first facilitator. */
@ApplicationScoped
class CreateCircle {

    private final CurrentMember current;
    private final CircleGraph graph;
    private final Clock clock;

    CreateCircle(CurrentMember current, CircleGraph graph, Clock clock) {
        this.current = current;
        this.graph = graph;
        this.clock = clock;
    }

    @Transactional
    Circle create(CircleRequests.Create request) {
        String slug = request.slug() == null || request.slug().isBlank() ? slugOf(request.name()) : request.slug();
        Set<UUID> parents = new LinkedHashSet<>(request.parents() == null ? List.of() : request.parents());
        List<Violation> violations = new ArrayList<>();
        if (slug.isEmpty()) {
            violations.add(new Violation("slug", ViolationCode.REQUIRED, "cannot be derived from this name; give one"));
        }
        int index = 0;
        for (UUID parent : request.parents() == null ? List.<UUID>of() : request.parents()) {
            if (Circle.findById(parent) == null) {
                violations.add(new Violation("parents[" + index + "]", CircleField.UNKNOWN_CIRCLE, "is not a circle"));
            }
            index++;
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (Circle.count("slug", slug) > 0) {
            throw ProblemException.of(
                    CircleProblem.SLUG_TAKEN, "Another circle already uses the slug " + slug + "; choose another");
        }
        Instant now = clock.instant();
        Circle circle = new Circle();
        circle.id = UUID.randomUUID();
        circle.slug = slug;
        circle.name = request.name().trim();
        circle.description = request.description() == null ? "" : request.description();
        circle.kind = request.kind();
        circle.budgetPeriod = BudgetPeriod.QUARTER;
        circle.challengesEnabled = true;
        circle.challengeWindowMinutes = (short) CirclePolicy.DEFAULT_CHALLENGE_WINDOW_MINUTES;
        circle.createdBy = current.id();
        circle.createdAt = now;
        circle.updatedAt = now;
        circle.persistAndFlush();
        // its creator is its first facilitator, so that a new circle is theirs to run (in "My circles") and always
        // has someone to steer it; an admin who wants to hand it over adds another facilitator, then leaves
        Membership creator = new Membership();
        creator.circleId = circle.id;
        creator.memberId = current.id();
        creator.memberName = current.summary().displayName();
        creator.role = Role.FACILITATOR;
        creator.joinedAt = now;
        creator.persist();
        CircleEvent.record(
                circle.id, CircleEventKind.JOINED, creator.memberId, Role.FACILITATOR, null, creator.memberId, now);
        for (UUID parent : parents) {
            graph.link(circle.id, parent, now);
        }
        return circle;
    }

    /** "Ville de Genève — Quartiers" becomes "ville-de-geneve-quartiers". */
    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug;
    }
}
