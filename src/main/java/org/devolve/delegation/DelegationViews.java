package org.devolve.delegation;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.identity.MemberSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class DelegationViews {

    private DelegationViews() {}

    @Schema(name = "SetDelegation")
    record Set(
            @NotNull @Schema(description = "The member I entrust my judgement to")
            UUID delegateId) {}

    @Schema(name = "Delegation", description = "For a circle (circleId) or one proposal (proposalId)")
    record View(
            UUID id,
            MemberSummary delegator,
            MemberSummary delegate,
            @Schema(nullable = true) UUID circleId,
            @Schema(nullable = true) UUID proposalId,

            @Schema(description = "What it is for: the circle's name or the proposal's title")
            String scopeName,

            Instant createdAt) {}

    @Schema(name = "MyDelegations", description = "What I entrusted, and who entrusted me (except in secret proposals)")
    record Mine(List<View> given, List<View> received) {}
}
