package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.config.DevolveConfig;

/** Puts a mail together: its text in the member's language, the link to the proposal, the settings, unsubscribe. */
@ApplicationScoped
class Letters {

    /** The unsubscribe "kind" of a digest: every kind the member reads in their digest. */
    static final String DIGEST = "DIGEST";

    private final MailTokens tokens;
    private final String base;

    Letters(MailTokens tokens, DevolveConfig config) {
        this.tokens = tokens;
        this.base = config.web().publicUrl().replaceAll("/+$", "");
    }

    /** The parameters of a text as a mail says them: instants in UTC, an outcome in words, the proposal's link. */
    Map<String, String> words(String language, UUID proposalId, Map<String, String> params) {
        Map<String, String> out = new HashMap<>(params);
        if (params.containsKey("endsAt")) {
            out.put("endsAt", MailTexts.when(params.get("endsAt")));
        }
        if (params.containsKey("deadline")) {
            out.put("deadline", MailTexts.when(params.get("deadline")));
        }
        String outcome = params.get("outcome");
        out.put(
                "outcome",
                MailTexts.say(
                        language,
                        outcome != null && MailTexts.keys("en").contains("outcome." + outcome)
                                ? "outcome." + outcome
                                : "outcome.OTHER",
                        Map.of()));
        out.put("link", proposalId == null ? base + "/" : base + "/proposals/" + proposalId);
        return out;
    }

    /** One mail of {@code kind} to a member. */
    Postman.Letter letter(
            String to,
            UUID member,
            String language,
            MailKind kind,
            String key,
            UUID proposalId,
            Map<String, String> params) {
        Map<String, String> words = words(language, proposalId, params);
        MailTexts.Text text = MailTexts.of(language, key, words);
        String unsubscribe = unsubscribeLink(member, kind.name());
        String body = text.body() + "\n\n" + MailTexts.say(language, "footer.open", words) + "\n\n-- \n"
                + footer(language, unsubscribe);
        return new Postman.Letter(to, text.subject(), body, unsubscribe);
    }

    String base() {
        return base;
    }

    String footer(String language, String unsubscribe) {
        return MailTexts.say(language, "footer.settings", Map.of("settings", base + "/settings/mail")) + "\n"
                + (unsubscribe == null
                        ? ""
                        : MailTexts.say(language, "footer.unsubscribe", Map.of("unsubscribe", unsubscribe)) + "\n");
    }

    /** {@code kind}: a {@link MailKind}'s name, or {@link #DIGEST}. */
    String unsubscribeLink(UUID member, String kind) {
        return base + "/api/v1/mail/unsubscribe?member=" + member + "&kind=" + kind + "&token="
                + tokens.token(member, kind);
    }
}
