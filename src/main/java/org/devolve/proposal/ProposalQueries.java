package org.devolve.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.circle.Role;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.ledger.Ledger;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Like;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.tally.Policy;
import org.devolve.tally.Secrecy;
import org.devolve.tally.TallyResult;
import org.devolve.tally.Weighting;

/** Reading proposals: lists filtered by what the caller may see, and one proposal in full. */
@ApplicationScoped
class ProposalQueries {

    record Filter(UUID circle, Phase phase, boolean affectingMe, boolean openToOutsiders, String text) {}

    private final EntityManager em;
    private final Proposals access;
    private final ProposalPolicy policy;
    private final CircleAccess circles;
    private final CurrentMember current;
    private final Electorate electorate;
    private final StuckProposals stuck;
    private final BallotBox ballots;
    private final VotingPreconditions preconditions;
    private final Ledger ledger;

    ProposalQueries(
            EntityManager em,
            Proposals access,
            ProposalPolicy policy,
            CircleAccess circles,
            CurrentMember current,
            Electorate electorate,
            StuckProposals stuck,
            BallotBox ballots,
            VotingPreconditions preconditions,
            Ledger ledger) {
        this.em = em;
        this.access = access;
        this.policy = policy;
        this.circles = circles;
        this.current = current;
        this.electorate = electorate;
        this.stuck = stuck;
        this.ballots = ballots;
        this.preconditions = preconditions;
        this.ledger = ledger;
    }

    /**
     * Newest first. A caller sees the proposals they may read: drafts they wrote or facilitate, and the
     * others of their circles, of circles they are affected through, those open to outsiders, and (admins)
     * all that are not drafts. "Affecting me" keeps those of my circles, of circles I am affected through,
     * and those where I declared a stake. "Open to outsiders" keeps those anyone affected may join.
     */
    @Transactional
    Page<ProposalViews.Summary> list(Filter filter, PageRequest request) {
        UUID me = current.id();
        Map<UUID, Role> roles = circles.rolesOf(me);
        Set<UUID> mine = roles.keySet();
        Set<UUID> facilitated = roles.entrySet().stream()
                .filter(e -> e.getValue() == Role.FACILITATOR)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        String ofMyCircles = "(p.circleId in :mine or exists (select 1 from AffectedGroup g where g.proposalId = p.id "
                + "and g.circleId in :mine))";
        Keyset<Proposal> query = Keyset.of(em, Proposal.class, "p")
                .where("((p.phase <> :draft and (" + ofMyCircles + " or p.outsidersAllowed = true"
                        + (current.isAdmin() ? " or 1 = 1" : "")
                        + ")) or (p.phase = :draft and (p.authorId = :me or p.circleId in :facilitated)))")
                .with("me", me)
                .with("draft", Phase.DRAFT)
                .with("mine", orNone(mine))
                .with("facilitated", orNone(facilitated));
        if (filter.circle() != null) {
            query.where("p.circleId = :circle", "circle", filter.circle());
        }
        if (filter.phase() != null) {
            query.where("p.phase = :phase", "phase", filter.phase());
        }
        if (filter.affectingMe()) {
            query.where(
                    "(" + ofMyCircles + " or p.id in :staked)", "staked", orNone(electorate.proposalsWithStake(me)));
        }
        if (filter.openToOutsiders()) {
            query.where("p.outsidersAllowed = true");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.where(
                    "(lower(p.title) like :text escape '\\' or lower(p.summary) like :text escape '\\')",
                    "text",
                    Like.containing(filter.text()));
        }
        Keyset.Fetched<Proposal> page = query.orderBy(Keyset.Key.instant("p.createdAt"), Keyset.Order.DESC)
                .thenBy("p.id", p -> p.id, Keyset.Order.DESC)
                .fetch(request);
        List<Proposal> rows = page.items();
        Map<UUID, CircleSummary> circleById =
                circles.summaries(rows.stream().map(p -> p.circleId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(CircleSummary::id, c -> c));
        Map<UUID, ProposalViews.Option> winners = winners(rows);
        return page.as(p -> new ProposalViews.Summary(
                p.id,
                circleById.get(p.circleId),
                p.title,
                p.summary,
                p.method,
                p.phase,
                p.outsidersAllowed,
                p.deliberationEndsAt,
                p.votingEndsAt,
                p.outcome,
                winners.get(p.id),
                p.createdAt));
    }

    /** The corrections of a proposal's wording, newest first. */
    @Transactional
    Page<ProposalViews.Revision> revisions(String ref, PageRequest request) {
        Proposal p = access.readable(ref);
        Keyset.Fetched<ProposalRevision> rows = Keyset.of(em, ProposalRevision.class, "r")
                .where("r.proposalId = :p", "p", p.id)
                .orderBy(Keyset.Key.instant("r.editedAt"), Keyset.Order.DESC)
                .thenBy("r.id", r -> r.id, Keyset.Order.DESC)
                .fetch(request);
        Map<UUID, MemberSummary> names =
                Member.summaries(rows.items().stream().map(r -> r.editorId).collect(Collectors.toSet()));
        return rows.as(r ->
                new ProposalViews.Revision(r.revision, names.get(r.editorId), r.editedAt, r.note, changes(r.changes)));
    }

    private static List<ProposalViews.Change> changes(String json) {
        try {
            List<ProposalViews.Change> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode c : CHANGES.readTree(json)) {
                out.add(new ProposalViews.Change(
                        c.get("field").asText(),
                        c.get("before").asText(),
                        c.get("after").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CHANGES =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Transactional
    ProposalViews.Detail detail(String ref) {
        Proposals.Readable readable = access.readableWith(ref);
        return detail(readable.proposal(), readable.who());
    }

    ProposalViews.Detail detail(Proposal p) {
        return detail(p, policy.participation(p));
    }

    private ProposalViews.Detail detail(Proposal p, Participation who) {
        UUID me = current.id();
        List<ProposalViews.Option> options = access.options(p.id).stream()
                .map(o -> new ProposalViews.Option(o.position, o.label))
                .toList();
        List<AffectedGroup> groups = access.groups(p.id);
        Set<UUID> groupCircles =
                groups.stream().map(g -> g.circleId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, CircleSummary> circleById =
                circles.summaries(groupCircles).stream().collect(Collectors.toMap(CircleSummary::id, c -> c));
        List<ProposalViews.Group> groupViews = new ArrayList<>();
        for (AffectedGroup g : groups) {
            groupViews.add(new ProposalViews.Group(
                    g.id,
                    g.circleId == null ? null : circleById.get(g.circleId),
                    g.name,
                    g.howAffected,
                    g.suggestedLevel,
                    g.declarations));
        }
        Electorate.Declared stake = electorate.declarationOf(p.id, me).orElse(null);
        boolean voted = ballots.hasVoted(p.id, me);
        long openChallenges = preconditions.openChallenges(p.id);
        Ledger.Head head = ledger.head(p.id);
        Member author = Member.findById(p.authorId);
        MemberSummary authorView = author == null ? null : author.summary();
        return new ProposalViews.Detail(
                p.id,
                circles.summary(p.circleId).orElse(null),
                authorView,
                p.title,
                p.summary,
                p.body,
                p.method,
                options,
                weighting(p),
                new ProposalViews.ThresholdView(p.threshold, Shares.percent(p.consentObjectionPpm)),
                new ProposalViews.Quorum(Shares.percent(p.quorumTurnoutPpm), p.quorumHeadcount),
                new ProposalViews.ProtectionView(p.protection, Shares.percent(p.protectionPpm)),
                p.secret,
                p.liveResults,
                p.outsidersAllowed,
                p.phase,
                p.deliberationEndsAt,
                p.votingEndsAt,
                p.outcome,
                winner(p, options),
                groupViews,
                new ProposalViews.Timeline(p.createdAt, p.openedAt, p.votingOpenedAt, p.closedAt),
                new ProposalViews.LedgerHead(head.seq(), head.hash()),
                openChallenges,
                p.lateDeclarations,
                secrecy(p, groups),
                new ProposalViews.Mine(
                        who.canTakePart(),
                        who.outsider(),
                        who.author(),
                        who.facilitator(),
                        who.canSteer() && !p.phase.isOver(),
                        who.phasesAllowed(p.phase),
                        p.phase == Phase.DRAFT && who.may(Participation.Steering.EDIT_DRAFT, p.phase),
                        (p.phase == Phase.DRAFT || p.phase == Phase.DELIBERATION || p.phase == Phase.VOTING)
                                && who.may(Participation.Steering.CHANGE_DEADLINES, p.phase),
                        (p.phase == Phase.DRAFT || p.phase == Phase.DELIBERATION)
                                && who.may(Participation.Steering.ADD_GROUP, p.phase),
                        who.canResolveChallenges(),
                        stake == null ? null : stake.level(),
                        stake == null ? null : stake.groupId(),
                        voted,
                        (p.phase == Phase.DELIBERATION || p.phase == Phase.VOTING)
                                && who.may(Participation.Steering.CORRECT_WORDING, p.phase)),
                ProposalRevision.count(p.id),
                stuck.of(p).orElse(null));
    }

    /**
     * What a secret proposal's tally will single out, from its declarations so far: the same classes the close
     * publishes, since stakes freeze when voting opens (the engine's {@link org.devolve.tally.Secrecy}).
     */
    private ProposalViews.Secrecy secrecy(Proposal p, List<AffectedGroup> groups) {
        if (!p.secret || p.phase == Phase.DRAFT) {
            return p.secret ? new ProposalViews.Secrecy(p.minCellVoters, weightShowsLevel(p), List.of()) : null;
        }
        Map<UUID, long[]> counts = electorate.levelsByGroup(p.id);
        List<String> ids = new ArrayList<>();
        int[] levels = new int[groups.size()];
        long[][] byGroup = new long[groups.size()][];
        Map<String, AffectedGroup> byId = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            AffectedGroup group = groups.get(g);
            ids.add(group.id.toString());
            levels[g] = group.suggestedLevel;
            byGroup[g] = counts.getOrDefault(group.id, new long[Weighting.MAX_STAKE + 1]);
            byId.put(group.id.toString(), group);
        }
        List<ProposalViews.SmallClass> small = new ArrayList<>();
        for (TallyResult.SmallClass c : Secrecy.classes(
                TallyRules.weighting(p), TallyRules.protection(p) != null, p.minCellVoters, ids, levels, byGroup)) {
            if (c.declarations() < p.minCellVoters && c.weight() > 0) {
                AffectedGroup group = byId.get(c.group());
                small.add(new ProposalViews.SmallClass(
                        group == null ? null : group.id,
                        group == null ? null : group.name,
                        c.level(),
                        BigDecimal.valueOf(c.weight(), 6).toPlainString(),
                        c.declarations()));
            }
        }
        return new ProposalViews.Secrecy(p.minCellVoters, weightShowsLevel(p), small);
    }

    private static boolean weightShowsLevel(Proposal p) {
        Weighting w = TallyRules.weighting(p);
        return w.policy() != Policy.EQUAL && w.weightOf(1) != w.weightOf(2);
    }

    private static ProposalViews.Option winner(Proposal p, List<ProposalViews.Option> options) {
        return p.winner == null
                ? null
                : options.stream()
                        .filter(o -> o.index() == p.winner)
                        .findFirst()
                        .orElse(null);
    }

    /** The winning option of each decided proposal among {@code rows}, in one query. */
    private Map<UUID, ProposalViews.Option> winners(List<Proposal> rows) {
        Set<UUID> decided =
                rows.stream().filter(p -> p.winner != null).map(p -> p.id).collect(Collectors.toSet());
        if (decided.isEmpty()) {
            return Map.of();
        }
        return em.createQuery(
                        "select o from ProposalOption o, Proposal p where p.id in :ids "
                                + "and o.proposalId = p.id and o.position = p.winner",
                        ProposalOption.class)
                .setParameter("ids", decided)
                .getResultStream()
                .collect(Collectors.toMap(o -> o.proposalId, o -> new ProposalViews.Option(o.position, o.label)));
    }

    /** An empty set would render as {@code in ()}: a set holding no real id stands for "none". */
    private static Set<UUID> orNone(Set<UUID> ids) {
        return ids.isEmpty() ? Set.of(new UUID(0, 0)) : ids;
    }

    static ProposalViews.Weighting weighting(Proposal p) {
        Weighting weighting = TallyRules.weighting(p);
        List<String> byLevel = new ArrayList<>();
        for (int level = 0; level <= Weighting.MAX_STAKE; level++) {
            byLevel.add(BigDecimal.valueOf(weighting.weightOf(level), 6).toPlainString());
        }
        return new ProposalViews.Weighting(p.weighting, p.weightingCap == null ? null : (int) p.weightingCap, byLevel);
    }
}
