package org.devolve.testing;

import static org.devolve.testing.CircleFixture.aCircle;
import static org.devolve.testing.People.as;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proposals made through the API, reading like sentences:
 * {@code aProposal().by(BOB).choosingBetween("Garden", "Car park").affecting("Tenants", 3).inDeliberation()}.
 * By default the deciding circle is new, facilitated by Carol, with the author and the given members in it, and
 * no challenge window. The author opens deliberation; the facilitator opens voting.
 */
public final class ProposalFixture {

    /** What a test needs to know of the proposal it made. */
    public record Made(String id, String circle, List<String> groups) {
        public String group(int i) {
            return groups.get(i);
        }
    }

    private People.Person author = People.BOB;
    private People.Person facilitator = People.CAROL;
    private int challengeWindowMinutes;
    private final List<People.Person> members = new ArrayList<>();
    private String circle;
    private String method = "APPROVE_REJECT";
    private final List<String> options = new ArrayList<>();
    private final Map<String, Object> weighting = Map.of("policy", "LINEAR");
    private final List<Map<String, Object>> groups = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    private ProposalFixture() {}

    public static ProposalFixture aProposal() {
        return new ProposalFixture();
    }

    public ProposalFixture by(People.Person author) {
        this.author = author;
        return this;
    }

    public ProposalFixture facilitatedBy(People.Person facilitator) {
        this.facilitator = facilitator;
        return this;
    }

    public ProposalFixture withMembers(People.Person... people) {
        members.addAll(List.of(people));
        return this;
    }

    /** The new deciding circle's challenge window; none unless asked (see {@link CircleFixture#withChallengeWindow}). */
    public ProposalFixture withChallengeWindow(int minutes) {
        this.challengeWindowMinutes = minutes;
        return this;
    }

    public ProposalFixture inCircle(String circleId) {
        this.circle = circleId;
        return this;
    }

    public ProposalFixture choosingBetween(String method, String... options) {
        this.method = method;
        this.options.clear();
        this.options.addAll(List.of(options));
        return this;
    }

    public ProposalFixture affecting(String name, int suggestedLevel) {
        groups.add(Map.of("name", name, "howAffected", "They live with it", "suggestedLevel", suggestedLevel));
        return this;
    }

    public ProposalFixture affectingCircle(String circleId, int suggestedLevel) {
        groups.add(Map.of(
                "circleId", circleId, "howAffected", "Its members are affected", "suggestedLevel", suggestedLevel));
        return this;
    }

    public ProposalFixture with(String field, Object value) {
        extra.put(field, value);
        return this;
    }

    public ProposalFixture secret() {
        return with("secret", true);
    }

    public ProposalFixture openToOutsiders() {
        return with("outsidersAllowed", true);
    }

    public Map<String, Object> content() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "Proposal " + Long.toString(System.nanoTime(), 36));
        content.put("summary", "What we decide");
        content.put("body", "## Why\nBecause it matters.");
        content.put("method", method);
        content.put("options", options);
        content.put("weighting", weighting);
        content.put(
                "affectedGroups",
                groups.isEmpty() ? List.of(Map.of("name", "Everyone here", "suggestedLevel", 3)) : groups);
        content.putAll(extra);
        return content;
    }

    public Made draft() {
        if (circle == null) {
            List<People.Person> all = new ArrayList<>(members);
            if (!all.contains(author) && !author.equals(facilitator)) {
                all.add(author);
            }
            all.remove(facilitator);
            circle = aCircle("Deciding")
                    .facilitatedBy(facilitator)
                    .withMembers(all.toArray(People.Person[]::new))
                    .withChallengeWindow(challengeWindowMinutes)
                    .create();
        }
        return made(as(author)
                .body(content())
                .post("/api/v1/circles/" + circle + "/proposals")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath());
    }

    public Made inDeliberation() {
        return moveTo(draft(), "DELIBERATION");
    }

    /**
     * In deliberation, each of {@code declarations} declares their stake in the first group with a reason,
     * then voting opens.
     */
    public Made inVotingWith(Map<People.Person, Integer> declarations) {
        Made open = inDeliberation();
        declarations.forEach((person, level) -> declare(person, open, 0, level));
        return moveTo(open, "VOTING");
    }

    public static void declare(People.Person person, Made proposal, int group, int level) {
        as(person)
                .body(Map.of("groupId", proposal.group(group), "level", level, "reason", "I live here"))
                .put("/api/v1/proposals/" + proposal.id() + "/stakes/mine")
                .then()
                .statusCode(200);
    }

    /**
     * Moves the proposal to {@code phase} as the one who may: the author opens deliberation, a facilitator opens
     * voting (the deciding circle's: the one of {@link #facilitatedBy}, Carol by default, also with
     * {@link #inCircle}). The answer is the proposal as it now is.
     */
    private Made moveTo(Made proposal, String phase) {
        People.Person who = phase.equals("DELIBERATION") ? author : facilitator;
        return made(as(who).body(Map.of("phase", phase))
                .post("/api/v1/proposals/" + proposal.id() + "/phase")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
    }

    /** What a test needs of the proposal the service answered with. */
    private Made made(JsonPath proposal) {
        return new Made(proposal.getString("id"), circle, proposal.getList("affectedGroups.id"));
    }
}
