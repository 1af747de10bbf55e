package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.Violation;
import org.devolve.platform.problem.ViolationCode;

/** A member changes their mail language and modes; every bad field is named at once and nothing changes. */
@ApplicationScoped
class ChangeMailPreferences {

    private final MailSettingsStore settings;
    private final CurrentMember current;
    private final Clock clock;

    ChangeMailPreferences(MailSettingsStore settings, CurrentMember current, Clock clock) {
        this.settings = settings;
        this.current = current;
        this.clock = clock;
    }

    @Transactional
    MailViews.MailPreferences change(MailViews.MailPreferencesUpdate update) {
        List<Violation> wrong = new ArrayList<>();
        String language = update == null ? null : update.language();
        if (language == null) {
            wrong.add(new Violation("language", ViolationCode.REQUIRED, "en, fr or de"));
        } else if (!MailTexts.LANGUAGES.contains(language)) {
            wrong.add(new Violation("language", ViolationCode.INVALID_VALUE, "must be en, fr or de"));
        }
        Map<MailKind, MailMode> modes = new EnumMap<>(MailKind.class);
        Map<String, String> given = update == null || update.kinds() == null ? Map.of() : update.kinds();
        for (Map.Entry<String, String> e : new TreeMap<>(given).entrySet()) {
            MailKind kind = parse(MailKind.class, e.getKey());
            MailMode mode = parse(MailMode.class, e.getValue());
            if (kind == null) {
                wrong.add(new Violation("kinds." + e.getKey(), ViolationCode.UNKNOWN_FIELD, "not a kind of mail"));
            } else if (mode == null) {
                wrong.add(new Violation(
                        "kinds." + e.getKey(), ViolationCode.INVALID_VALUE, "must be IMMEDIATE, DIGEST or OFF"));
            } else {
                modes.put(kind, mode);
            }
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        var me = current.id();
        settings.save(me, language, modes, clock.instant());
        return MailQueries.view(settings.of(me), Member.emails(List.of(me)).get(me));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
