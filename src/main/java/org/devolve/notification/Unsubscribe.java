package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.devolve.platform.problem.ProblemException;

/**
 * The one-click unsubscribe of a mail's link (RFC 8058), without signing in: the token proves the link is ours for
 * that member and kind; it turns that kind off (DIGEST: every kind the member has in their digest) and nothing
 * else. An altered or foreign link is refused and changes nothing.
 */
@ApplicationScoped
class Unsubscribe {

    private final MailTokens tokens;
    private final MailSettingsStore settings;
    private final Clock clock;

    Unsubscribe(MailTokens tokens, MailSettingsStore settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code apply}: false for a look (GET) that only checks the link. */
    @Transactional
    MailViews.Unsubscribed unsubscribe(String member, String kind, String token, boolean apply) {
        UUID id = uuid(member);
        boolean digest = Letters.DIGEST.equals(kind);
        MailKind one = digest ? null : kindOf(kind);
        if (id == null || (!digest && one == null) || !tokens.valid(id, kind, token)) {
            throw ProblemException.of(MailProblem.UNSUBSCRIBE_LINK_INVALID, "Use the link of a mail as it came");
        }
        if (apply) {
            if (digest) {
                MailSettingsStore.Settings mine = settings.of(id);
                for (MailKind k : MailKind.values()) {
                    if (mine.mode(k) == MailMode.DIGEST) {
                        settings.turnOff(id, k, clock.instant());
                    }
                }
            } else {
                settings.turnOff(id, one, clock.instant());
            }
        }
        return new MailViews.Unsubscribed(kind, apply);
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    private static MailKind kindOf(String text) {
        try {
            return text == null ? null : MailKind.valueOf(text);
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
