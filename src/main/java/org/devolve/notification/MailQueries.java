package org.devolve.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;

/** My mail settings, as the settings screen shows them. */
@ApplicationScoped
class MailQueries {

    private final MailSettingsStore settings;
    private final CurrentMember current;

    MailQueries(MailSettingsStore settings, CurrentMember current) {
        this.settings = settings;
        this.current = current;
    }

    @Transactional
    MailViews.MailPreferences mine() {
        var me = current.id();
        return view(settings.of(me), Member.emails(List.of(me)).get(me));
    }

    static MailViews.MailPreferences view(MailSettingsStore.Settings s, String address) {
        return new MailViews.MailPreferences(
                MailTexts.language(s.language()), s.language() != null, address, s.modes());
    }
}
