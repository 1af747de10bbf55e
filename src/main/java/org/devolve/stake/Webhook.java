package org.devolve.stake;

import java.util.LinkedHashMap;
import java.util.Map;
import org.devolve.proposal.Proposal;
import org.devolve.webhook.Webhooks;

/**
 * What the webhook events of challenges carry: the proposal, the challenge, the declaration it doubts and its level
 * (after the ruling, for a resolution), and links. Nobody's identity and no reason: a receiver that needs them
 * reads the challenge through the API with its own rights.
 */
final class Webhook {

    private Webhook() {}

    static Map<String, Object> challenge(
            Webhooks webhooks, Proposal p, StakeChallenge c, Stake stake, ChallengeStatus ruling) {
        String at = "/api/v1/proposals/" + p.id;
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("id", p.id.toString());
        proposal.put("circleId", p.circleId.toString());
        proposal.put("title", p.title);
        proposal.put("phase", p.phase.name());
        Map<String, Object> challenge = new LinkedHashMap<>();
        challenge.put("id", c.id.toString());
        challenge.put("declarationId", stake.id.toString());
        challenge.put("level", (int) stake.level);
        challenge.put("raisedAt", c.createdAt.toString());
        if (ruling != null) {
            challenge.put("ruling", ruling.name());
            challenge.put("resolvedAt", c.resolvedAt.toString());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("proposal", proposal);
        data.put("challenge", challenge);
        data.put("links", Map.of("proposal", webhooks.link(at), "ledger", webhooks.link(at + "/ledger")));
        return data;
    }
}
