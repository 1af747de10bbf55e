package org.devolve.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.platform.web.Ids;

/**
 * The rules every webhook action shares: who may (a facilitator of the circle, or an admin; the circle itself is
 * readable by every member, so anyone else gets 403, and an endpoint or delivery of another circle is not found),
 * and what an endpoint's fields may hold.
 */
@ApplicationScoped
class EndpointRules {

    static final int MAX_DESCRIPTION = 200;

    private final CircleAccess circles;
    private final CurrentMember current;
    private final Targets targets;

    EndpointRules(CircleAccess circles, CurrentMember current, Targets targets) {
        this.circles = circles;
        this.current = current;
        this.targets = targets;
    }

    /** The circle, if the caller manages it: 404 for no such circle, 403 for anyone but its facilitators. */
    CircleSummary managed(String circleRef) {
        CircleSummary circle = circles.byRef(circleRef);
        if (!circles.canManage(circle.id(), current)) {
            throw ProblemException.forbidden(
                    "Only facilitators of " + circle.name() + " and admins manage its webhooks");
        }
        return circle;
    }

    /** The circle's endpoint, or 404. */
    WebhookEndpoint endpoint(CircleSummary circle, String endpointRef) {
        WebhookEndpoint endpoint = Ids.parse(endpointRef)
                .map(id -> WebhookEndpoint.<WebhookEndpoint>findById(id))
                .orElse(null);
        if (endpoint == null || !endpoint.circleId.equals(circle.id())) {
            throw ProblemException.notFound("Webhook endpoint " + endpointRef);
        }
        return endpoint;
    }

    /** The violations of an endpoint's fields; {@code null} ones are not checked (a change leaves them). */
    List<Violation> violations(
            String url, boolean urlGiven, List<String> events, boolean eventsGiven, String description) {
        List<Violation> out = new ArrayList<>();
        if (urlGiven) {
            targets.refusal(url).ifPresent(r -> out.add(new Violation("url", r.code(), r.message())));
        }
        if (eventsGiven) {
            if (events == null || events.isEmpty()) {
                out.add(new Violation("events", ViolationCode.REQUIRED, "at least one event"));
            } else {
                for (int i = 0; i < events.size(); i++) {
                    String e = events.get(i);
                    if (e == null || WebhookEventType.ofWire(e).isEmpty()) {
                        out.add(new Violation(
                                "events[" + i + "]",
                                WebhookField.UNKNOWN_EVENT,
                                "one of " + String.join(", ", WebhookEventType.wires())));
                    }
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            out.add(new Violation("description", ViolationCode.SIZE, "at most " + MAX_DESCRIPTION + " characters"));
        }
        return out;
    }

    static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    /** The events in the order of {@link WebhookEventType}, each once. */
    static List<String> normalised(List<String> events) {
        Set<String> wanted = new LinkedHashSet<>(events);
        return WebhookEventType.wires().stream().filter(wanted::contains).toList();
    }
}
