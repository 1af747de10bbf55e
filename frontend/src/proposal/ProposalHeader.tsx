import type { Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { outcomeInWords } from '../results/chartData';
import { Link } from '../router/router';
import { PhaseBadge } from '../ui/PhaseBadge';

export function ProposalHeader({ proposal }: { proposal: Proposal }) {
  const { t } = useI18n();
  const resultsOpen = proposal.phase === 'CLOSED' || (proposal.phase === 'VOTING' && proposal.liveResults);
  return (
    <header className="page-header">
      <p className="eyebrow">
        {proposal.circle && <Link to={`/circles/${proposal.circle.slug}`}>{proposal.circle.name}</Link>}
      </p>
      <h1>{proposal.title}</h1>
      <div className="meta">
        <PhaseBadge phase={proposal.phase} />
        <span>{t('proposal.by', { name: proposal.author?.displayName ?? '' })}</span>
        {proposal.phase === 'CLOSED' && proposal.outcome && (
          <strong>{outcomeInWords(t, proposal.outcome, proposal.winner?.label ?? '')}</strong>
        )}
      </div>
      {proposal.summary && <p className="lead">{proposal.summary}</p>}
      {resultsOpen && (
        <Link to={`/proposals/${proposal.id}/results`} className="button primary">
          {t('proposal.seeResults')}
        </Link>
      )}
    </header>
  );
}
