import type { ProposalSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { PhaseBadge } from '../ui/PhaseBadge';
import { EmptyState } from '../ui/states';

/** Proposals with their phase and the next deadline. */
export function ProposalList({ proposals, empty }: { proposals: ProposalSummary[]; empty: string }) {
  const { t, dateTime } = useI18n();
  if (proposals.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="proposal-list">
      {proposals.map((p) => {
        const deadline =
          p.phase === 'DELIBERATION' || p.phase === 'DRAFT'
            ? p.deliberationEndsAt && t('proposal.votingOpens', { when: dateTime(p.deliberationEndsAt) })
            : p.phase === 'VOTING'
              ? p.votingEndsAt && t('proposal.votingCloses', { when: dateTime(p.votingEndsAt) })
              : null;
        return (
          <li key={p.id}>
            <Link to={`/proposals/${p.id}`} className="proposal-link">
              {p.title}
            </Link>
            <div className="meta">
              <PhaseBadge phase={p.phase} />
              {p.circle && <span>{p.circle.name}</span>}
              {deadline && <span>{deadline}</span>}
              {p.outsidersAllowed && p.phase !== 'CLOSED' && p.phase !== 'WITHDRAWN' && (
                <span className="badge">{t('browse.openBadge')}</span>
              )}
            </div>
            {p.summary && <p className="summary">{p.summary}</p>}
          </li>
        );
      })}
    </ul>
  );
}
