package org.devolve.notification;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class NotificationViews {

    private NotificationViews() {}

    @Schema(name = "Notification")
    record NotificationView(
            UUID id,

            @Schema(description = "What it says, as a code the UI says in the reader's language with params")
            NoticeKind kind,

            @Schema(nullable = true) UUID proposalId,
            @Schema(nullable = true) UUID circleId,

            @Schema(description = "The same in English, for integrations that show it as it is")
            String text,

            @Schema(description = "The kind's parameters (title, outcome, level, ...), all strings")
            Map<String, String> params,

            Instant createdAt,
            @Schema(nullable = true) Instant readAt) {}

    @Schema(name = "MarkRead")
    record MarkRead(
            @Size(max = 100) @Schema(description = "The notifications to mark read; all of mine when absent")
            List<UUID> ids) {}

    @Schema(name = "Marked")
    record Marked(int marked) {}

    @Schema(name = "UnreadCount")
    record UnreadCount(long count) {}
}
