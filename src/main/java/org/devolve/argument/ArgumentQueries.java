package org.devolve.argument;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.devolve.identity.Member;
import org.devolve.identity.MemberSummary;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.proposal.Proposal;
import org.devolve.proposal.Proposals;
import org.devolve.stake.Stakes;

/** Reading arguments, each with the group its author declared themself affected as, and their level. */
@ApplicationScoped
class ArgumentQueries {

    private final EntityManager em;
    private final Proposals proposals;
    private final Stakes stakes;

    ArgumentQueries(EntityManager em, Proposals proposals, Stakes stakes) {
        this.em = em;
        this.proposals = proposals;
        this.stakes = stakes;
    }

    /** Oldest first, of one side or all. */
    @Transactional
    Page<ArgumentViews.View> list(String proposalRef, Argument.Side side, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        Keyset<Argument> query = Keyset.of(em, Argument.class, "a").where("a.proposalId = :p", "p", p.id);
        if (side != null) {
            query.where("a.side = :side", "side", side);
        }
        Keyset.Fetched<Argument> rows = query.orderBy(Keyset.Key.instant("a.createdAt"), Keyset.Order.ASC)
                .thenBy("a.id", a -> a.id, Keyset.Order.ASC)
                .fetch(page);
        Set<UUID> authors = rows.items().stream().map(a -> a.authorId).collect(Collectors.toSet());
        Viewer viewer = new Viewer(p, Member.summaries(authors), stakes.standings(p.id, authors));
        return rows.as(viewer::view);
    }

    /** The earlier texts of one argument, newest first; none once its author removed it. */
    @Transactional
    Page<ArgumentViews.Revision> revisions(String proposalRef, String argumentRef, PageRequest page) {
        Proposal p = proposals.readable(proposalRef);
        Argument a = Arguments.find(em, p.id, argumentRef, false);
        return Keyset.of(em, ArgumentRevision.class, "r")
                .where("r.argumentId = :a", "a", a.id)
                .orderBy(Keyset.Key.instant("r.replacedAt"), Keyset.Order.DESC)
                .thenBy("r.id", r -> r.id, Keyset.Order.DESC)
                .fetch(page)
                .as(r -> new ArgumentViews.Revision(r.body, r.writtenAt, r.replacedAt));
    }

    /** One argument as just posted. */
    @Transactional
    ArgumentViews.View view(Argument a) {
        Proposal p = proposals.byId(a.proposalId);
        return new Viewer(p, Member.summaries(List.of(a.authorId)), stakes.standings(p.id, List.of(a.authorId)))
                .view(a);
    }

    private final class Viewer {
        private final Map<UUID, MemberSummary> names;
        private final Map<UUID, Stakes.Standing> standings;
        private final Map<UUID, String> groupNames;

        Viewer(Proposal p, Map<UUID, MemberSummary> names, Map<UUID, Stakes.Standing> standings) {
            this.names = names;
            this.standings = standings;
            this.groupNames = standings.isEmpty()
                    ? Map.of()
                    : proposals.groups(p.id).stream().collect(Collectors.toMap(g -> g.id, g -> g.name));
        }

        ArgumentViews.View view(Argument a) {
            Stakes.Standing standing = standings.get(a.authorId);
            return new ArgumentViews.View(
                    a.id,
                    a.side,
                    a.removedAt == null ? a.body : "",
                    names.get(a.authorId),
                    standing == null ? null : groupNames.get(standing.groupId()),
                    standing == null ? null : standing.level(),
                    a.createdAt,
                    a.editedAt,
                    a.removedAt);
        }
    }
}
