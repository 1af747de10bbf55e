import type { Phase, Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { PHASE_KEYS } from '../ui/PhaseBadge';

const ORDER: Phase[] = ['DRAFT', 'DELIBERATION', 'VOTING', 'CLOSED'];

/** DRAFT → DELIBERATION → VOTING → CLOSED, with when each began and the deadlines ahead. */
export function PhaseTimeline({ proposal }: { proposal: Proposal }) {
  const { t, dateTime } = useI18n();
  const tl = proposal.timeline ?? {};
  const began: Record<Phase, string | null | undefined> = {
    DRAFT: tl.created,
    DELIBERATION: tl.deliberationOpened,
    VOTING: tl.votingOpened ?? null,
    CLOSED: tl.closed,
    WITHDRAWN: null,
  };
  const due: Partial<Record<Phase, string | null | undefined>> = {
    VOTING: proposal.deliberationEndsAt,
    CLOSED: proposal.votingEndsAt,
  };
  const current = proposal.phase ?? 'DRAFT';
  const currentIndex = ORDER.indexOf(current);
  return (
    <nav aria-label={t('timeline.label')} className="timeline">
      <ol>
        {ORDER.map((phase, i) => {
          const state =
            current === 'WITHDRAWN'
              ? began[phase]
                ? 'done'
                : 'skipped'
              : i < currentIndex
                ? 'done'
                : i === currentIndex
                  ? 'current'
                  : 'next';
          return (
            <li key={phase} className={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="step-name">{t(PHASE_KEYS[phase])}</span>
              <span className="step-when small">
                {began[phase]
                  ? dateTime(began[phase])
                  : due[phase]
                    ? t('timeline.due', { when: dateTime(due[phase]) })
                    : ''}
              </span>
            </li>
          );
        })}
        {current === 'WITHDRAWN' && (
          <li className="step current" aria-current="step">
            <span className="step-name">{t('phase.WITHDRAWN')}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}
