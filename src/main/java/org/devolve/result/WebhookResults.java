package org.devolve.result;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.devolve.webhook.ClosedResults;

/** What a closed proposal's webhook event tells of its result: fields of the stored tally, as the API publishes it. */
@ApplicationScoped
class WebhookResults implements ClosedResults {

    private final ObjectMapper json;

    WebhookResults(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Optional<Summary> of(UUID proposalId) {
        ProposalResult stored = ProposalResult.findById(proposalId);
        if (stored == null) {
            return Optional.empty();
        }
        JsonNode tally;
        try {
            tally = json.readTree(stored.resultJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode winner = tally.path("winner");
        return Optional.of(new Summary(
                tally.path("method").asText(null),
                strings(tally.path("options")),
                strings(tally.path("totals")),
                stored.outcome,
                winner.isObject() ? winner.path("index").asInt() : null,
                tally.path("turnout").path("turnout").asText(null),
                tally.path("turnout").path("voters").asInt(),
                stored.ledgerSeq,
                stored.ledgerHead,
                stored.resultSha256));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
