package org.devolve.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook API takes. Checked by {@link EndpointRules}, every offending field at once. */
final class WebhookRequests {

    private WebhookRequests() {}

    private static final String EVENTS = "The events wanted, at least one of: proposal.deliberation_opened, "
            + "proposal.voting_opened, proposal.closed, proposal.withdrawn, challenge.raised, challenge.resolved";

    @Schema(name = "WebhookEndpointRequest")
    record Register(
            @Schema(
                    description =
                            "Where events are POSTed: an http(s) URL whose host resolves to public " + "addresses only",
                    examples = "https://hooks.example.org/devolve",
                    maxLength = 2000)
            String url,

            @Schema(description = EVENTS, examples = "[\"proposal.closed\"]")
            List<String> events,

            @Schema(description = "What the endpoint is for, at most 200 characters", nullable = true, maxLength = 200)
            String description) {}

    @Schema(name = "WebhookEndpointChange", description = "Absent fields stay as they are")
    record Change(
            @Schema(nullable = true, maxLength = 2000) String url,
            @Schema(description = EVENTS, nullable = true) List<String> events,
            @Schema(nullable = true, maxLength = 200) String description,

            @Schema(description = "False stops deliveries (those pending wait); true resumes them", nullable = true)
            Boolean enabled) {}
}
