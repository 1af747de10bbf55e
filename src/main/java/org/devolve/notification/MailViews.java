package org.devolve.notification;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class MailViews {

    private MailViews() {}

    @Schema(name = "MailPreferences")
    record MailPreferences(
            @Schema(description = "The language of my mails: en, fr or de", examples = "fr")
            String language,

            @Schema(description = "Whether I chose the language (false: the default, English, until I save)")
            boolean languageChosen,

            @Schema(
                    description = "Where my mails go: the email of my sign-in; null when it gives none",
                    nullable = true)
            String address,

            @Schema(description = "Each kind of mail and how I get it")
            Map<MailKind, MailMode> kinds) {}

    @Schema(name = "MailPreferencesUpdate")
    record MailPreferencesUpdate(
            @Schema(description = "en, fr or de", examples = "de")
            String language,

            @Schema(description = "Kinds to change (others keep theirs): IMMEDIATE, DIGEST or OFF")
            Map<String, String> kinds) {}

    @Schema(name = "Unsubscribed")
    record Unsubscribed(
            @Schema(description = "The kind of mail (or DIGEST: every kind in the digest)")
            String kind,

            @Schema(description = "True once turned off; false for a GET, which changes nothing")
            boolean off) {}
}
