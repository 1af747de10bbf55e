package org.devolve.proposal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.devolve.circle.CircleSummary;
import org.devolve.identity.MemberSummary;
import org.devolve.tally.Method;
import org.devolve.tally.Policy;
import org.devolve.tally.Threshold;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients read about proposals. */
public final class ProposalViews {

    private ProposalViews() {}

    @Schema(name = "ProposalSummary", description = "A proposal in a list")
    public record Summary(
            UUID id,
            CircleSummary circle,
            String title,
            String summary,
            Method method,
            Phase phase,

            @Schema(description = "Whether anyone signed in who is affected may declare a stake and take part")
            boolean outsidersAllowed,

            @Schema(nullable = true) Instant deliberationEndsAt,
            @Schema(nullable = true) Instant votingEndsAt,

            @Schema(nullable = true, description = "ADOPTED, REJECTED, NO_QUORUM or WINNER once closed")
            String outcome,

            @Schema(nullable = true, description = "The winning option, when the outcome is WINNER")
            Option winner,

            Instant createdAt) {}

    @Schema(name = "Proposal", description = "A proposal with its rules, groups, timeline and what the caller may do")
    public record Detail(
            UUID id,
            CircleSummary circle,
            MemberSummary author,
            String title,
            String summary,

            @Schema(description = "Markdown; render without raw HTML")
            String body,

            Method method,
            List<Option> options,
            Weighting weighting,
            ThresholdView threshold,
            Quorum quorum,
            ProtectionView protection,
            boolean secret,
            boolean liveResults,
            boolean outsidersAllowed,
            Phase phase,
            @Schema(nullable = true) Instant deliberationEndsAt,
            @Schema(nullable = true) Instant votingEndsAt,

            @Schema(nullable = true, description = "ADOPTED, REJECTED, NO_QUORUM or WINNER once closed")
            String outcome,

            @Schema(nullable = true, description = "The winning option, when the outcome is WINNER")
            Option winner,

            List<Group> affectedGroups,
            Timeline timeline,
            LedgerHead ledger,
            long openChallenges,

            @Schema(
                    description = "Declarations made or raised within the circle's challenge window before voting "
                            + "opened, so that nobody had that long to challenge them (each is marked `late`)")
            int lateDeclarations,

            @Schema(
                    nullable = true,
                    description = "Secret proposals: what secrecy hides and what it cannot, from the "
                            + "declarations so far (frozen when voting opens)")
            Secrecy secrecy,

            Mine my,

            @Schema(description = "How many times the wording was corrected after the proposal opened")
            int revisions,

            @Schema(
                    nullable = true,
                    description = "Present while the scheduler fails to move the proposal on at "
                            + "a deadline that has passed (for example, a stored ballot the count refuses)")
            Stuck stuck) {}

    @Schema(name = "StuckProposal", description = "A transition that is due and keeps failing")
    public record Stuck(
            @Schema(description = "The phase the proposal should have reached")
            Phase to,

            @Schema(
                    description = "A stable code: the tally engine's reason (e.g. ALLOCATION_INVALID), a problem "
                            + "code, or INTERNAL_ERROR")
            String reason,

            @Schema(description = "What went wrong, in words; never names a voter or a ballot")
            String detail,

            @Schema(description = "When it first failed") Instant since,
            int attempts,
            Instant nextAttemptAt) {}

    @Schema(
            name = "ProposalSecrecy",
            description = "What a secret proposal's published tally will show. Nobody sees "
                    + "who voted what: no ballot names its voter, no published row or breakdown cell holds fewer than k "
                    + "declarations — except where the weighting itself singles declarations out: those are listed here, "
                    + "before voting opens, so that everyone knows.")
    public record Secrecy(
            @Schema(description = "k") int minCellVoters,

            @Schema(
                    description = "Whether a ballot's weight shows its stake level (LINEAR, SQRT; CAPPED below the "
                            + "cap): then the declarations of a level few share can be told apart")
            boolean weightShowsLevel,

            @Schema(
                    description = "Classes of fewer than k declarations that the tally will single out by their "
                            + "weight (and level, where it cannot be hidden)")
            List<SmallClass> smallClasses) {}

    @Schema(name = "ProposalSmallClass")
    public record SmallClass(
            @Schema(nullable = true, description = "The group, where the class keeps it")
            UUID group,

            @Schema(nullable = true) String groupName,

            @Schema(nullable = true, description = "The stake level, where it is shown")
            Integer level,

            @Schema(description = "The weight of their ballots")
            String weight,

            @Schema(description = "How many declarations") int declarations) {}

    @Schema(name = "ProposalOption")
    public record Option(
            @Schema(description = "0-based; ballots refer to options by index")
            int index,

            String label) {}

    @Schema(name = "Weighting")
    public record Weighting(
            Policy policy,
            @Schema(nullable = true) Integer cap,

            @Schema(description = "The weight of each stake level 0..5 under this policy, as decimals")
            List<String> weightByLevel) {}

    @Schema(name = "Threshold")
    public record ThresholdView(
            Threshold rule, @Schema(nullable = true) BigDecimal objectionPercent) {}

    @Schema(name = "Quorum")
    public record Quorum(BigDecimal turnoutPercent, int headcount) {}

    @Schema(name = "Protection")
    public record ProtectionView(
            Proposal.ProtectionRule rule,
            @Schema(nullable = true) BigDecimal objectionPercent) {}

    @Schema(name = "AffectedGroup")
    public record Group(
            UUID id,
            @Schema(nullable = true) CircleSummary circle,
            String name,
            String howAffected,
            int suggestedLevel,

            @Schema(description = "Declarations in this group")
            long declarations) {}

    @Schema(name = "Timeline", description = "When each phase began; absent when it has not")
    public record Timeline(
            Instant created,
            @Schema(nullable = true) Instant deliberationOpened,
            @Schema(nullable = true) Instant votingOpened,
            @Schema(nullable = true) Instant closed) {}

    @Schema(name = "LedgerHead")
    public record LedgerHead(long entries, String head) {}

    @Schema(name = "MyPart", description = "The caller's part in the proposal")
    public record Mine(
            boolean canTakePart,
            boolean selfIdentified,
            boolean author,
            boolean facilitator,

            @Schema(
                    description = "Has some power to steer the proposal (see phasesAllowed, canEdit, "
                            + "canChangeDeadlines, canAddGroups)")
            boolean canSteer,

            @Schema(description = "The phases I may move the proposal to now")
            List<Phase> phasesAllowed,

            @Schema(description = "May edit the draft") boolean canEdit,

            @Schema(description = "May change the deadlines now")
            boolean canChangeDeadlines,

            @Schema(description = "May add an affected group now")
            boolean canAddGroups,

            @Schema(description = "May resolve stake challenges (never on my own declaration)")
            boolean canResolveChallenges,

            @Schema(nullable = true, description = "My declared stake level, if any")
            Integer stakeLevel,

            @Schema(nullable = true) UUID stakeGroup,
            boolean voted,

            @Schema(description = "May correct the wording (title, summary, body, option labels) now")
            boolean canCorrect) {}

    @Schema(name = "ProposalRevision", description = "One correction of a proposal's wording after it opened")
    public record Revision(
            @Schema(description = "1 for the first correction")
            int revision,

            MemberSummary editor,
            Instant editedAt,

            @Schema(description = "What was corrected, in the editor's words")
            String note,

            List<Change> changes) {}

    @Schema(name = "ProposalRevisionChange")
    public record Change(
            @Schema(description = "title, summary, body or options[i] (0-based)")
            String field,

            String before,
            String after) {}
}
