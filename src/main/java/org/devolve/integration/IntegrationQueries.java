package org.devolve.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.devolve.circle.CircleAccess;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.CurrentMember;
import org.devolve.identity.Integrations;
import org.devolve.platform.paging.Keyset;
import org.devolve.platform.paging.Page;
import org.devolve.platform.paging.PageRequest;

/** Reading integrations (admins). */
@ApplicationScoped
class IntegrationQueries {

    private final EntityManager em;
    private final CurrentMember current;
    private final Integrations integrations;
    private final CircleAccess circles;

    IntegrationQueries(EntityManager em, CurrentMember current, Integrations integrations, CircleAccess circles) {
        this.em = em;
        this.current = current;
        this.integrations = integrations;
        this.circles = circles;
    }

    /** Newest first. */
    @Transactional
    Page<IntegrationViews.View> list(PageRequest page) {
        RegisterIntegration.requireAdmin(current);
        Keyset.Fetched<Integration> rows = Keyset.of(em, Integration.class, "i")
                .orderBy(Keyset.Key.instant("i.registeredAt"), Keyset.Order.DESC)
                .thenBy("i.memberId", i -> i.memberId, Keyset.Order.DESC)
                .fetch(page);
        List<UUID> ids = rows.items().stream().map(i -> i.memberId).toList();
        Map<UUID, Integrations.Account> accounts = integrations.accounts(ids);
        Map<UUID, CircleSummary> owners =
                circles
                        .summaries(rows.items().stream()
                                .map(i -> i.ownerCircleId)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(CircleSummary::id, Function.identity()));
        return rows.as(i -> view(i, accounts.get(i.memberId), owners.get(i.ownerCircleId)));
    }

    IntegrationViews.View view(Integration row, Integrations.Account account, CircleSummary owner) {
        CircleSummary circle =
                owner != null ? owner : circles.summary(row.ownerCircleId).orElse(null);
        return new IntegrationViews.View(
                account.id(),
                account.name(),
                account.clientId(),
                circle,
                account.disabledAt() == null,
                account.disabledAt(),
                row.registeredAt);
    }
}
