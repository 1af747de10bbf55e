import { useState } from 'react';
import { api, call } from '../api/client';
import type { Phase, Proposal } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { Link } from '../router/router';
import { DeadlinesForm } from './DeadlinesForm';

const NEXT: Partial<Record<Phase, { phase: Phase; label: MessageKey }>> = {
  DRAFT: { phase: 'DELIBERATION', label: 'phase.openDeliberation' },
  DELIBERATION: { phase: 'VOTING', label: 'phase.openVoting' },
  VOTING: { phase: 'CLOSED', label: 'phase.close' },
};

/** For the author and facilitators: move the proposal on (or withdraw it), with a note for the ledger. */
export function PhaseControls({ proposal, onChange }: { proposal: Proposal; onChange: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const phase = proposal.phase ?? 'DRAFT';
  const next = NEXT[phase];
  const canWithdraw = phase === 'DRAFT' || phase === 'DELIBERATION';
  const openChallenges = proposal.openChallenges ?? 0;
  if (!next && !canWithdraw) return null;

  const move = (to: Phase) =>
    submit
      .run(() =>
        call(api.POST('/api/v1/proposals/{proposal}/phase', { params: { path: { proposal: proposal.id! } }, body: { phase: to, ...(note ? { note } : {}) } })),
      )
      .then((ok) => {
        if (ok) {
          setNote('');
          onChange();
        }
      });
  const upholdAll = () =>
    submit
      .run(() => call(api.POST('/api/v1/proposals/{proposal}/challenges/resolution', { params: { path: { proposal: proposal.id! } }, body: {} })))
      .then((ok) => ok && onChange());

  return (
    <section className="panel steering" aria-labelledby="steering">
      <h2 id="steering">{t('phase.steering')}</h2>
      {phase === 'DELIBERATION' && openChallenges > 0 && (
        <p className="notice">
          {t('phase.openChallenges', { count: openChallenges })}{' '}
          {proposal.my?.canResolveChallenges && (
            <button type="button" onClick={() => void upholdAll()} disabled={submit.busy}>
              {t('challenge.upholdAll')}
            </button>
          )}
        </p>
      )}
      <label htmlFor="phase-note">{t('phase.note')}</label>
      <input id="phase-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <div className="actions">
        {next && (
          <button type="button" className="primary" disabled={submit.busy} onClick={() => void move(next.phase)}>
            {t(next.label)}
          </button>
        )}
        {canWithdraw && (
          <button type="button" className="danger" disabled={submit.busy} onClick={() => void move('WITHDRAWN')}>
            {t('phase.withdraw')}
          </button>
        )}
      </div>
      <FormError error={submit.error} />
      {phase === 'DRAFT' && (
        <Link to={`/proposals/${proposal.id}/edit`} className="button">
          {t('proposal.edit')}
        </Link>
      )}
      {(phase === 'DELIBERATION' || phase === 'VOTING') && <DeadlinesForm proposal={proposal} onChange={onChange} />}
    </section>
  );
}
