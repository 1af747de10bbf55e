package org.devolve.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Like;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;
import org.devolve.platform.problem.ProblemException;
import org.devolve.platform.problem.ViolationCode;
import org.devolve.platform.web.Ids;

/** Finding members: by name (to add them to a circle), and one by id. Only people who signed in once are known. */
@ApplicationScoped
class MemberQueries {

    private final EntityManager em;
    private final CurrentMember current;
    private final MyCircles circles;

    MemberQueries(EntityManager em, CurrentMember current, MyCircles circles) {
        this.em = em;
        this.current = current;
        this.circles = circles;
    }

    /** The signed-in member (created from the token on first use), their roles and their circles. */
    @Transactional
    MeView me() {
        MemberSummary me = current.summary();
        Member row = Member.findById(me.id());
        return new MeView(
                me.id(),
                me.username(),
                me.displayName(),
                row == null ? null : row.email,
                List.copyOf(current.roles()),
                circles.of(me.id()));
    }

    /** By display name, then id; {@code q}, when given, is looked for in display names and usernames. */
    @Transactional
    Page<MemberSummary> search(String q, PageRequest page) {
        current.summary(); // whoever searches is a member from now on
        Keyset<Member> query = Keyset.of(em, Member.class, "m");
        if (q != null && !q.isBlank()) {
            if (q.length() > 100) {
                throw ProblemException.invalid("q", ViolationCode.SIZE, "must be at most 100 characters");
            }
            query.where(
                    "(lower(m.displayName) like :pattern escape '\\' or lower(m.username) like :pattern escape '\\')",
                    "pattern",
                    Like.containing(q));
        }
        return query.orderBy(Keyset.Key.text("lower(m.displayName)"), Keyset.Order.ASC)
                .thenBy("m.id", m -> m.id, Keyset.Order.ASC)
                .fetch(page)
                .as(Member::summary);
    }

    @Transactional
    MemberSummary one(String id) {
        current.summary();
        UUID uuid = Ids.parse(id).orElseThrow(() -> ProblemException.notFound("Member " + id));
        Member member = Member.findById(uuid);
        if (member == null) {
            throw ProblemException.notFound("Member " + id);
        }
        return member.summary();
    }
}
