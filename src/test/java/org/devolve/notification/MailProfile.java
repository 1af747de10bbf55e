package org.devolve.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Mail on, over SMTP to GreenMail; reminders and digests only when a test asks (no scheduler tick in between). */
public class MailProfile implements QuarkusTestProfile {

    static final String PUBLIC_URL = "https://decide.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "devolve.mail.mode", "smtp",
                "devolve.web.public-url", PUBLIC_URL,
                "devolve.mail.every", "1h",
                "devolve.mail.reminder-before", "6h",
                "devolve.mail.digest-hour", "7",
                "devolve.mail.from", "Devolve <devolve@decide.example.org>");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
