import type { Proposal } from '../api/types';
import type { Language } from '../i18n/i18n';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';

/** Whether the proposal has a result to show: once closed, or while voting with live results. */
export function resultsArePublic(proposal: Proposal): boolean {
  return proposal.phase === 'CLOSED' || (proposal.phase === 'VOTING' && proposal.liveResults === true);
}

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };

/** A date and time with its time zone: "30 Jun 2031, 18:00 CEST (Europe/Paris)". */
export function dateTimeWithZone(language: Language, iso: string, timeZone?: string): string {
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: zone,
  }).format(new Date(iso));
  return `${text} (${zone})`;
}

/** Before the close: when the result will appear, with the closing time and its time zone; not an error. */
export function ResultsPending({ proposal }: { proposal: Proposal }) {
  const { t, language } = useI18n();
  const closes = proposal.votingEndsAt ? dateTimeWithZone(language, proposal.votingEndsAt) : null;
  const message =
    proposal.phase === 'WITHDRAWN'
      ? t('pending.withdrawn')
      : proposal.phase === 'VOTING'
        ? closes
          ? t('pending.votingUntil', { when: closes })
          : t('pending.votingOpen')
        : closes
          ? t('pending.notYetUntil', { when: closes })
          : t('pending.notYet');
  return (
    <section className="panel" aria-labelledby="pending" data-testid="results-pending">
      <h2 id="pending">{t('pending.title')}</h2>
      <p>{message}</p>
      {proposal.phase !== 'WITHDRAWN' && (
        <p>
          <Link to={`/proposals/${proposal.id}`}>
            {proposal.phase === 'VOTING' ? t('pending.toVote') : t('pending.toProposal')}
          </Link>
        </p>
      )}
    </section>
  );
}
