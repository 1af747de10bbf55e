package org.devolve.notification;

import static org.devolve.testing.CircleFixture.idOf;
import static org.devolve.testing.People.anonymous;
import static org.devolve.testing.People.as;
import static org.devolve.testing.ProposalFixture.aProposal;
import static org.devolve.testing.ProposalFixture.declare;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.devolve.platform.outbox.Outbox;
import org.devolve.testing.Outboxes;
import org.devolve.testing.People;
import org.devolve.testing.ProposalFixture;
import org.devolve.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, email, against a real SMTP server (GreenMail): the right people get the right mails in their language,
 * with the proposal's link and a one-click unsubscribe that works without signing in and refuses an altered link; a
 * reminder goes only to those who have not voted; a digest once a day; nothing for a change that rolled back; an
 * invitation written by the circle feature is sent; bad settings are refused with every field named.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class MailTest {

    @Inject
    MailReminders reminders;

    @Inject
    MailDigests digests;

    @Inject
    Outbox outbox;

    @Inject
    Notices notices;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightPeopleGetTheRightMailsInTheirLanguage() throws Exception {
        People.Person french = People.someone("francoise");
        People.Person german = People.someone("gerda");
        People.Person english = People.someone("emma");
        People.Person author = People.someone("author");
        People.Person facilitator = People.someone("facilitator");
        for (People.Person p : List.of(french, german, english, author, facilitator)) {
            idOf(p);
        }
        choose(french, "fr", Map.of("DELIBERATION", "IMMEDIATE"));
        choose(german, "de", Map.of("DELIBERATION", "IMMEDIATE"));

        ProposalFixture.Made p = aProposal()
                .by(author)
                .facilitatedBy(facilitator)
                .withMembers(french, german, english)
                .affecting("Tenants", 3)
                .inDeliberation();
        Outboxes.drain();
        String title = title(author, p);

        MimeMessage fr = only(french, "Ouverte à la délibération : " + title);
        assertTrue(text(fr).contains(MailProfile.PUBLIC_URL + "/proposals/" + p.id()), text(fr));
        assertTrue(text(fr).contains("« " + title + " » est ouverte à la délibération"), text(fr));
        String unsubscribe = header(fr, "List-Unsubscribe");
        assertTrue(unsubscribe.startsWith("<" + MailProfile.PUBLIC_URL + "/api/v1/mail/unsubscribe?"), unsubscribe);
        assertEquals("List-Unsubscribe=One-Click", header(fr, "List-Unsubscribe-Post"));
        only(german, "Zur Beratung offen: " + title);
        assertEquals(List.of(), mailsTo(english), "the default for a circle-wide kind is the digest");
        assertEquals(List.of(), mailsTo(author));

        // Françoise's declaration is challenged by Gerda, and lowered by the facilitator
        String at = "/api/v1/proposals/" + p.id();
        declare(french, p, 0, 5);
        String hers = as(french).get(at + "/stakes/mine").then().extract().path("id");
        String challenge = as(german)
                .body(Map.of("reason", "She is a tenant like the rest"))
                .post(at + "/stakes/" + hers + "/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Outboxes.drain();
        only(french, "Votre déclaration sur « " + title + " » est contestée");
        MimeMessage toRule = only(facilitator, "A challenge awaits your ruling: “" + title + "”");
        assertTrue(text(toRule).contains("level 5"), text(toRule));

        as(facilitator)
                .body(Map.of("decision", "LOWER", "level", 2))
                .post(at + "/challenges/" + challenge + "/resolution")
                .then()
                .statusCode(200);
        Outboxes.drain();
        MimeMessage lowered = only(french, "Votre déclaration sur « " + title + " » a été abaissée");
        assertTrue(text(lowered).contains("niveau 2"), text(lowered));
        assertTrue(
                mailsTo(german).stream().noneMatch(m -> subject(m).contains("herabgesetzt")),
                "the challenger's stake was not lowered");

        // Emma entrusts Françoise with her vote in the circle
        as(english)
                .body(Map.of("delegateId", idOf(french)))
                .put("/api/v1/circles/" + p.circle() + "/delegation")
                .then()
                .statusCode(200);
        Outboxes.drain();
        MimeMessage delegated = only(french, english.displayName() + " vous confie son vote");
        assertTrue(text(delegated).contains("dans le cercle"), text(delegated));
    }

    @Test
    void nothingIsMailedForAChangeThatRolledBack() {
        People.Person person = People.someone("rolled");
        UUID id = UUID.fromString(idOf(person));
        QuarkusTransaction.begin();
        notices.tell(
                NoticeKind.STAKE_CHALLENGED,
                null,
                null,
                Map.of("title", "Rolled back", "level", "4"),
                "challenged",
                List.of(id));
        QuarkusTransaction.rollback();
        Outboxes.drain();
        assertEquals(List.of(), mailsTo(person));

        QuarkusTransaction.requiringNew()
                .run(() -> notices.tell(
                        NoticeKind.STAKE_CHALLENGED,
                        null,
                        null,
                        Map.of("title", "Committed", "level", "4"),
                        "challenged",
                        List.of(id)));
        Outboxes.drain();
        only(person, "Your declaration on “Committed” was challenged");
    }

    @Test
    void theUnsubscribeLinkTurnsItsKindOffWithoutSigningInAndAnAlteredOneIsRefused() throws Exception {
        People.Person person = People.someone("leaving");
        UUID id = UUID.fromString(idOf(person));
        tellChallenged(id, "First");
        String link = header(only(person, "Your declaration on “First” was challenged"), "List-Unsubscribe");
        String path = link.substring(1, link.length() - 1).substring(MailProfile.PUBLIC_URL.length());

        // a GET (a link scanner) changes nothing
        anonymous().get(path).then().statusCode(200).body("off", equalTo(false));
        as(person).get("/api/v1/me/mail-preferences").then().body("kinds.CHALLENGED", equalTo("IMMEDIATE"));

        // an altered token, and the token of one kind used for another, are refused and change nothing
        String altered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        anonymous()
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post(altered)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUBSCRIBE_LINK_INVALID"));
        anonymous()
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post(path.replace("kind=CHALLENGED", "kind=VOTING"))
                .then()
                .statusCode(400)
                .body("code", equalTo("UNSUBSCRIBE_LINK_INVALID"));
        as(person)
                .get("/api/v1/me/mail-preferences")
                .then()
                .body("kinds.CHALLENGED", equalTo("IMMEDIATE"))
                .body("kinds.VOTING", equalTo("DIGEST"));

        // the one-click POST of RFC 8058, as a mail client sends it
        anonymous()
                .contentType(ContentType.URLENC)
                .body("List-Unsubscribe=One-Click")
                .post(path)
                .then()
                .statusCode(200)
                .body("off", equalTo(true));
        as(person)
                .get("/api/v1/me/mail-preferences")
                .then()
                .body("kinds.CHALLENGED", equalTo("OFF"))
                .body("kinds.VOTING", equalTo("DIGEST"));
        tellChallenged(id, "Second");
        assertTrue(mailsTo(person).stream().noneMatch(m -> subject(m).contains("Second")), "no more of that kind");
    }

    @Test
    void aReminderGoesOnlyToThoseWhoHaveNotVotedYet() throws Exception {
        People.Person voted = People.someone("voted");
        People.Person forgot = People.someone("forgot");
        People.Person noStake = People.someone("nostake");
        People.Person author = People.someone("author");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ProposalFixture.Made p = aProposal()
                .by(author)
                .withMembers(voted, forgot, noStake)
                .with("deliberationEndsAt", now.plus(1, ChronoUnit.HOURS).toString())
                .with("votingEndsAt", now.plus(5, ChronoUnit.HOURS).toString())
                .inVotingWith(Map.of(voted, 2, forgot, 3));
        as(voted)
                .body(Map.of("stance", "FOR"))
                .put("/api/v1/proposals/" + p.id() + "/ballot")
                .then()
                .statusCode(201);
        Outboxes.drain();

        reminders.queueDue();
        reminders.queueDue();
        Outboxes.drain();
        String title = title(author, p);
        MimeMessage reminder = only(forgot, "Reminder: vote on “" + title + "”");
        assertTrue(text(reminder).contains("you have not voted yet"), text(reminder));
        for (People.Person acted : List.of(voted, noStake, author)) {
            assertTrue(
                    mailsTo(acted).stream().noneMatch(m -> subject(m).startsWith("Reminder")),
                    acted.username() + " has voted, or may not vote");
        }
    }

    @Test
    void aReminderBeforeDeliberationEndsGoesOnlyToThoseWhoHaveNotDeclared() throws Exception {
        People.Person declared = People.someone("declared");
        People.Person declaredNone = People.someone("declarednone");
        People.Person silent = People.someone("silent");
        People.Person author = People.someone("author");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ProposalFixture.Made p = aProposal()
                .by(author)
                .withMembers(declared, declaredNone, silent)
                .withChallengeWindow(60)
                .with("deliberationEndsAt", now.plus(3, ChronoUnit.HOURS).toString())
                .with("votingEndsAt", now.plus(30, ChronoUnit.HOURS).toString())
                .inDeliberation();
        ProposalFixture.declare(declared, p, 0, 2);
        ProposalFixture.declare(declaredNone, p, 0, 0);
        Outboxes.drain();

        reminders.queueDue();
        reminders.queueDue();
        Outboxes.drain();
        String title = title(author, p);
        MimeMessage reminder = only(silent, "Reminder: declare your stake in “" + title + "”");
        assertTrue(text(reminder).contains("you have not said yet how much it affects you"), text(reminder));
        String closes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC)
                .format(now.plus(2, ChronoUnit.HOURS));
        assertTrue(
                text(reminder).contains("close at " + closes),
                "declarations close the circle's 60-minute challenge window before deliberation ends: "
                        + text(reminder));
        for (People.Person acted : List.of(declared, declaredNone)) {
            assertTrue(
                    mailsTo(acted).stream().noneMatch(m -> subject(m).startsWith("Reminder")),
                    acted.username() + " has declared");
        }
        assertTrue(
                mailsTo(silent).stream().noneMatch(m -> subject(m).startsWith("Reminder: vote")),
                "voting ends in 30 h, beyond the reminder's 24 h");
    }

    @Test
    void aDigestGoesOutOnceADayWithWhatWaitedForIt() throws Exception {
        People.Person reader = People.someone("reader");
        People.Person author = People.someone("author");
        ProposalFixture.Made first = aProposal().by(author).withMembers(reader).inDeliberation();
        ProposalFixture.Made second = aProposal().by(author).withMembers(reader).inDeliberation();
        Outboxes.drain();
        assertEquals(List.of(), mailsTo(reader), "deliberation goes to the digest by default");

        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        clock.setTo(tomorrow.atTime(6, 59).toInstant(ZoneOffset.UTC));
        digests.queueDue();
        Outboxes.drain();
        assertEquals(List.of(), mailsTo(reader), "not before the digest hour");

        clock.setTo(tomorrow.atTime(7, 0).toInstant(ZoneOffset.UTC));
        digests.queueDue();
        digests.queueDue();
        Outboxes.drain();
        MimeMessage digest = only(reader, "Devolve: what happened until " + tomorrow);
        assertTrue(text(digest).contains(title(author, first)), text(digest));
        assertTrue(text(digest).contains(title(author, second)), text(digest));
        assertTrue(header(digest, "List-Unsubscribe").contains("kind=DIGEST"));

        clock.reset();
        ProposalFixture.Made third = aProposal().by(author).withMembers(reader).inDeliberation();
        Outboxes.drain();
        clock.setTo(tomorrow.atTime(9, 0).toInstant(ZoneOffset.UTC));
        digests.queueDue();
        Outboxes.drain();
        assertEquals(1, mailsTo(reader).size(), "never twice for the same day");

        clock.setTo(tomorrow.plusDays(1).atTime(7, 30).toInstant(ZoneOffset.UTC));
        digests.queueDue();
        Outboxes.drain();
        MimeMessage next = only(reader, "Devolve: what happened until " + tomorrow.plusDays(1));
        assertTrue(text(next).contains(title(author, third)), text(next));
        assertTrue(!text(next).contains(title(author, first)), "what was in a digest is not again");
    }

    @Test
    void anInvitationOfTheCircleFeatureIsMailedInItsLanguage() throws Exception {
        String address = "invited-" + System.nanoTime() + "@elsewhere.test";
        QuarkusTransaction.requiringNew()
                .run(() -> outbox.add(
                        "invitation-mail",
                        Map.of(
                                "invitationId", UUID.randomUUID().toString(),
                                "address", address,
                                "circleName", "Jardin partagé",
                                "inviterName", "Bob Okafor",
                                "link", "https://decide.example.org/invitations/abc",
                                "language", "fr",
                                "expiresAt", "2030-01-02T10:15:00Z")));
        Outboxes.drain();
        List<MimeMessage> got = mailsTo(address);
        assertEquals(1, got.size());
        assertEquals("Bob Okafor vous invite dans le cercle « Jardin partagé » sur Devolve", subject(got.get(0)));
        String text = text(got.get(0));
        assertTrue(text.contains("https://decide.example.org/invitations/abc"), text);
        assertTrue(text.contains("L’invitation expire le 2030-01-02 10:15 UTC"), text);
    }

    @Test
    void badSettingsAreRefusedWithEveryFieldNamedAndNothingChanges() {
        People.Person person = People.someone("careful");
        List<String> fields = as(person)
                .body(Map.of("language", "es", "kinds", Map.of("VOTING", "SOMETIMES", "GOSSIP", "OFF")))
                .put("/api/v1/me/mail-preferences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath()
                .getList("errors.field");
        assertEquals(
                List.of("kinds.GOSSIP", "kinds.VOTING", "language"),
                fields.stream().sorted().toList());
        as(person)
                .get("/api/v1/me/mail-preferences")
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("languageChosen", equalTo(false))
                .body("kinds.VOTING", equalTo("DIGEST"))
                .body("address", equalTo(person.username() + "@devolve.test"));
        as(person)
                .body(Map.of("language", "de", "kinds", Map.of("VOTING", "OFF")))
                .put("/api/v1/me/mail-preferences")
                .then()
                .statusCode(200)
                .body("language", equalTo("de"))
                .body("kinds.VOTING", equalTo("OFF"))
                .body("kinds.RESULT", equalTo("DIGEST"));
        anonymous().get("/api/v1/me/mail-preferences").then().statusCode(401);
    }

    // ---------------------------------------------------------------- helpers

    private void tellChallenged(UUID member, String title) {
        QuarkusTransaction.requiringNew()
                .run(() -> notices.tell(
                        NoticeKind.STAKE_CHALLENGED,
                        null,
                        null,
                        Map.of("title", title, "level", "4"),
                        "challenged",
                        List.of(member)));
        Outboxes.drain();
    }

    private static void choose(People.Person person, String language, Map<String, String> kinds) {
        as(person)
                .body(Map.of("language", language, "kinds", kinds))
                .put("/api/v1/me/mail-preferences")
                .then()
                .statusCode(200);
    }

    private static String title(People.Person reader, ProposalFixture.Made p) {
        return as(reader).get("/api/v1/proposals/" + p.id()).then().extract().path("title");
    }

    private static List<MimeMessage> mailsTo(People.Person person) {
        return mailsTo(person.username() + "@devolve.test");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(GreenMailResource.smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static MimeMessage only(People.Person person, String subject) {
        List<MimeMessage> found =
                mailsTo(person).stream().filter(m -> subject.equals(subject(m))).toList();
        assertEquals(
                1,
                found.size(),
                person.username() + " gets one mail «" + subject + "»: "
                        + mailsTo(person).stream().map(MailTest::subject).toList());
        return found.get(0);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null ? null : values[0];
    }

    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
