package org.devolve.stake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CirclePolicy;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.identity.MyCircles;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.proposal.TallyRules;
import org.devolve.proposal.VotingPreconditions;
import org.devolve.tally.Weighting;

/** Reading declarations and challenges; also tells the lifecycle whether challenges are open. */
@ApplicationScoped
class StakeQueries implements VotingPreconditions {

    record Filter(boolean flaggedOnly, boolean challengedOnly, UUID group) {}

    private final EntityManager em;
    private final Proposals proposals;
    private final CircleAccess circles;
    private final MyCircles myCircles;
    private final StakeBudgets budgets;
    private final CurrentMember current;
    private final Clock clock;

    StakeQueries(
            EntityManager em,
            Proposals proposals,
            CircleAccess circles,
            MyCircles myCircles,
            StakeBudgets budgets,
            CurrentMember current,
            Clock clock) {
        this.em = em;
        this.proposals = proposals;
        this.circles = circles;
        this.myCircles = myCircles;
        this.budgets = budgets;
        this.current = current;
        this.clock = clock;
    }

    @Override
    public long openChallenges(UUID proposalId) {
        return StakeChallenge.count("proposalId = ?1 and status = ?2", proposalId, ChallengeStatus.OPEN);
    }

    /** Highest level first. */
    @Transactional
    Page<StakeViews.StakeView> list(String proposalRef, Filter filter, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        Keyset<Stake> query = Keyset.of(em, Stake.class, "s").where("s.proposalId = :p", "p", p.id);
        if (filter.flaggedOnly()) {
            query.where("s.flagged = true");
        }
        if (filter.challengedOnly()) {
            query.where(
                    "exists (select 1 from StakeChallenge c where c.stakeId = s.id and c.status = :open)",
                    "open",
                    ChallengeStatus.OPEN);
        }
        if (filter.group() != null) {
            query.where("s.groupId = :group", "group", filter.group());
        }
        Keyset.Fetched<Stake> fetched = query.orderBy(Keyset.Key.smallNumber("s.level"), Keyset.Order.DESC)
                .thenBy("s.id", s -> s.id, Keyset.Order.ASC)
                .fetch(page);
        List<Stake> rows = fetched.items();
        Map<UUID, String> groupNames =
                proposals.groups(p.id).stream().collect(Collectors.toMap(g -> g.id, g -> g.name));
        List<UUID> stakeIds = rows.stream().map(s -> s.id).toList();
        Map<UUID, List<StakeChallenge>> challenges = stakeIds.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "select c from StakeChallenge c where c.stakeId in :ids order by c.createdAt",
                                StakeChallenge.class)
                        .setParameter("ids", stakeIds)
                        .getResultStream()
                        .collect(Collectors.groupingBy(c -> c.stakeId));
        Set<UUID> people = new HashSet<>();
        rows.forEach(s -> people.add(s.memberId));
        challenges.values().forEach(list -> list.forEach(c -> addPeople(c, people)));
        Map<UUID, MemberSummary> names = Member.summaries(people);
        Weighting weighting = TallyRules.weighting(p);
        return fetched.as(s -> view(s, groupNames, names, challenges.getOrDefault(s.id, List.of()), weighting));
    }

    @Transactional
    StakeViews.StakeView mine(String proposalRef) {
        Proposal p = proposals.readable(proposalRef);
        Stake stake = Stake.find("proposalId = ?1 and memberId = ?2", p.id, current.id())
                .firstResult();
        if (stake == null) {
            throw ProblemException.notFound("Your declaration in this proposal");
        }
        return view(p, stake);
    }

    /** A declaration as just made, in a transaction of its own. */
    @Transactional
    StakeViews.StakeView view(Stake stake) {
        return view(proposals.byId(stake.proposalId), stake);
    }

    StakeViews.StakeView view(Proposal p, Stake stake) {
        Map<UUID, String> groupNames =
                proposals.groups(p.id).stream().collect(Collectors.toMap(g -> g.id, g -> g.name));
        List<StakeChallenge> challenges = StakeChallenge.list("stakeId = ?1 order by createdAt", stake.id);
        Set<UUID> people = new HashSet<>();
        people.add(stake.memberId);
        challenges.forEach(c -> addPeople(c, people));
        return view(stake, groupNames, Member.summaries(people), challenges, TallyRules.weighting(p));
    }

    StakeViews.ChallengeView challenge(StakeChallenge c) {
        Set<UUID> people = new HashSet<>();
        addPeople(c, people);
        return challengeView(c, Member.summaries(people));
    }

    /** The people a challenge names: who challenged, and who resolved it. */
    private static void addPeople(StakeChallenge c, Set<UUID> people) {
        people.add(c.challengerId);
        if (c.resolvedBy != null) {
            people.add(c.resolvedBy);
        }
    }

    @Transactional
    Page<StakeViews.ChallengeView> challenges(String proposalRef, ChallengeStatus status, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        Keyset<StakeChallenge> query = Keyset.of(em, StakeChallenge.class, "c").where("c.proposalId = :p", "p", p.id);
        if (status != null) {
            query.where("c.status = :status", "status", status);
        }
        Keyset.Fetched<StakeChallenge> fetched = query.orderBy(Keyset.Key.instant("c.createdAt"), Keyset.Order.ASC)
                .thenBy("c.id", c -> c.id, Keyset.Order.ASC)
                .fetch(page);
        List<StakeChallenge> list = fetched.items();
        Set<UUID> people = new HashSet<>();
        list.forEach(c -> addPeople(c, people));
        Map<UUID, MemberSummary> names = Member.summaries(people);
        return fetched.as(c -> challengeView(c, names));
    }

    /** My budget in each of my circles that has one, for the current period. */
    @Transactional
    List<StakeViews.BudgetView> budgets() {
        UUID me = current.id();
        List<StakeViews.BudgetView> out = new ArrayList<>();
        for (MyCircles.MyCircle circle : myCircles.of(me)) {
            CirclePolicy policy = circles.policy(circle.id());
            if (policy.stakeBudget() == null) {
                continue;
            }
            String period = StakeBudgets.periodOf(policy, clock.instant());
            long used = budgets.used(me, circle.id(), period, null);
            out.add(new StakeViews.BudgetView(
                    circle.id(),
                    circle.name(),
                    policy.stakeBudget(),
                    period,
                    used,
                    Math.max(0, policy.stakeBudget() - used)));
        }
        return out;
    }

    private StakeViews.StakeView view(
            Stake s,
            Map<UUID, String> groupNames,
            Map<UUID, MemberSummary> names,
            List<StakeChallenge> challenges,
            Weighting weighting) {
        return new StakeViews.StakeView(
                s.id,
                names.get(s.memberId),
                s.groupId,
                groupNames.get(s.groupId),
                s.level,
                s.declaredLevel,
                s.reason,
                s.flagged,
                s.selfIdentified,
                s.level < s.declaredLevel,
                s.levelAllowed == null ? null : (int) s.levelAllowed,
                s.late,
                BigDecimal.valueOf(weighting.weightOf(s.level), 6).toPlainString(),
                s.declaredAt,
                s.updatedAt,
                challenges.stream().map(c -> challengeView(c, names)).toList());
    }

    private static StakeViews.ChallengeView challengeView(StakeChallenge c, Map<UUID, MemberSummary> names) {
        return new StakeViews.ChallengeView(
                c.id,
                c.stakeId,
                names.get(c.challengerId),
                c.reason,
                c.answer,
                c.answeredAt,
                c.status,
                c.resolvedBy == null ? null : names.get(c.resolvedBy),
                c.resolvedLevel == null ? null : (int) c.resolvedLevel,
                c.resolutionNote,
                c.createdAt,
                c.resolvedAt);
    }
}
