package org.devolve.invitation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.circle.CircleSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the invitation and join-request API reads and answers. */
final class InvitationViews {

    private InvitationViews() {}

    @Schema(name = "InvitationRequest", description = "Addresses to invite, pasted as they come")
    record Invite(
            @Size(max = 100000)
            @Schema(
                    description = "Email addresses separated by commas, semicolons, newlines or spaces "
                            + "(\"Name <a@b.c>\" accepted)",
                    examples = "ana@example.org, ben@example.org")
            String addresses,

            @Pattern(regexp = "en|fr|de")
            @Schema(nullable = true, description = "The language of the invitation mail: en (default), fr, de")
            String language) {}

    @Schema(name = "Invitation", description = "A pending invitation, with its link to share by other means")
    record Sent(
            UUID id,
            String address,

            @Schema(description = "The signed, single-use link to the web UI's invitation page")
            String link,

            Instant createdAt,
            Instant expiresAt,
            @Schema(description = "Who invited") String invitedBy) {}

    @Schema(name = "Invitations", description = "The invitations just made, one per distinct address")
    record SentList(List<Sent> invitations) {}

    /** What an invitation's landing page shows before its reader joins. */
    @Schema(name = "InvitationPreview")
    record Preview(
            CircleSummary circle,
            String invitedBy,
            Instant expiresAt,

            @Schema(description = "Whether the signed-in reader already belongs to the circle")
            boolean member) {}

    @Schema(name = "InvitationAccepted")
    record Accepted(
            CircleSummary circle,

            @Schema(description = "False when the reader already belonged to the circle")
            boolean joined) {}

    @Schema(name = "JoinRequest", description = "A request to join a circle")
    record Request(
            UUID id,
            UUID circleId,
            UUID memberId,
            String memberName,

            @Schema(enumeration = {"PENDING", "ACCEPTED", "DECLINED"})
            String status,

            Instant createdAt,
            @Schema(nullable = true) Instant decidedAt) {

        static Request of(JoinRequest r) {
            return new Request(
                    r.id,
                    r.circleId,
                    r.memberId,
                    r.memberName,
                    r.outcome == null ? "PENDING" : r.outcome,
                    r.createdAt,
                    r.decidedAt);
        }
    }
}
