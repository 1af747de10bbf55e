package org.devolve.notification;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class NotificationViews {

    private NotificationViews() {}

    @Schema(name = "Notification")
    record NotificationView(
            UUID id,
            String kind,
            @Schema(nullable = true) UUID proposalId,
            @Schema(nullable = true) UUID circleId,
            String text,
            Instant createdAt,
            @Schema(nullable = true) Instant readAt) {}

    @Schema(name = "MarkRead")
    record MarkRead(
            @Size(max = 100) @Schema(description = "The notifications to mark read; all of mine when absent")
            List<UUID> ids) {}

    @Schema(name = "Marked")
    record Marked(int marked) {}
}
