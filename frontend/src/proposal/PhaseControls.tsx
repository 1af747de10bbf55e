import { useState } from 'react';
import { api, call } from '../api/client';
import type { Phase, Proposal } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { CharCounter } from '../ui/CharCounter';
import { ConfirmButton } from '../ui/ConfirmDialog';
import { DoneNote } from '../ui/DoneNote';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { Link } from '../router/router';
import { DeadlinesForm } from './DeadlinesForm';

const NEXT: Partial<Record<Phase, { phase: Phase; label: MessageKey }>> = {
  DRAFT: { phase: 'DELIBERATION', label: 'phase.openDeliberation' },
  DELIBERATION: { phase: 'VOTING', label: 'phase.openVoting' },
  VOTING: { phase: 'CLOSED', label: 'phase.close' },
};

/**
 * For the author and facilitators: move the proposal on (or withdraw it), with a note for the ledger. Only the moves
 * the service says the caller may make now are offered (`my.phasesAllowed`): the author opens and withdraws, a
 * facilitator does everything; deadlines once open are the facilitators'.
 */
export function PhaseControls({ proposal, onChange }: { proposal: Proposal; onChange: () => void }) {
  const { t, tn } = useI18n();
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const [moved, setMoved] = useState<{ to: Phase; stamp: number }>({ to: 'DRAFT', stamp: 0 });
  const phase = proposal.phase ?? 'DRAFT';
  const allowed = proposal.my?.phasesAllowed ?? [];
  const next = NEXT[phase] && allowed.includes(NEXT[phase].phase) ? NEXT[phase] : undefined;
  const canWithdraw = allowed.includes('WITHDRAWN');
  const canEdit = proposal.my?.canEdit ?? false;
  const canChangeDeadlines = proposal.my?.canChangeDeadlines ?? false;
  const openChallenges = proposal.openChallenges ?? 0;
  if (!next && !canWithdraw && !canEdit && !canChangeDeadlines) return null;

  const move = (to: Phase) =>
    submit
      .run(() =>
        call(
          api.POST('/api/v1/proposals/{proposal}/phase', {
            params: { path: { proposal: proposal.id! } },
            body: { phase: to, ...(note ? { note } : {}) },
          }),
        ),
      )
      .then((ok) => {
        if (ok) {
          setNote('');
          setMoved((m) => ({ to, stamp: m.stamp + 1 }));
          onChange();
        }
      });
  const upholdAll = () =>
    submit
      .run(() =>
        call(
          api.POST('/api/v1/proposals/{proposal}/challenges/resolution', {
            params: { path: { proposal: proposal.id! } },
            body: { reason: note },
          }),
        ),
      )
      .then((ok) => {
        if (ok) {
          setNote('');
          onChange();
        }
      });

  return (
    <section className="panel steering" aria-labelledby="steering">
      <h2 id="steering">{t('phase.steering')}</h2>
      {phase === 'DELIBERATION' && openChallenges > 0 && (
        <p className="notice">
          {tn('phase.openChallenges', openChallenges)}{' '}
          {proposal.my?.canResolveChallenges && (
            <>
              <ConfirmButton
                disabled={submit.busy || !note.trim()}
                title={t('confirm.upholdAll.title')}
                body={<p>{tn('confirm.upholdAll.body', openChallenges)}</p>}
                confirmLabel={t('challenge.upholdAll')}
                onConfirm={() => void upholdAll()}
              >
                {t('challenge.upholdAll')}
              </ConfirmButton>{' '}
              <span className="small">{t('challenge.upholdAllReason')}</span>
            </>
          )}
        </p>
      )}
      <label htmlFor="phase-note">{t('phase.note')}</label>
      <input
        id="phase-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby="phase-note-count"
      />
      <CharCounter id="phase-note-count" length={note.length} max={1000} />
      <div className="actions">
        {next &&
          (next.phase === 'CLOSED' ? (
            <ConfirmButton
              className="primary"
              disabled={submit.busy}
              title={t('confirm.close.title', { title: proposal.title ?? '' })}
              body={<p>{t('confirm.close.body')}</p>}
              confirmLabel={t('phase.close')}
              onConfirm={() => void move(next.phase)}
            >
              {t(next.label)}
            </ConfirmButton>
          ) : (
            <button type="button" className="primary" disabled={submit.busy} onClick={() => void move(next.phase)}>
              {t(next.label)}
            </button>
          ))}
        {canWithdraw && (
          <ConfirmButton
            className="danger"
            disabled={submit.busy}
            title={t('confirm.withdraw.title', { title: proposal.title ?? '' })}
            body={<p>{t('confirm.withdraw.body')}</p>}
            confirmLabel={t('confirm.withdraw.action')}
            onConfirm={() => void move('WITHDRAWN')}
          >
            {t('phase.withdraw')}
          </ConfirmButton>
        )}
      </div>
      <FormError error={submit.error} />
      <DoneNote message={t('phase.moved', { phase: t(`phase.${moved.to}`) })} stamp={moved.stamp} />
      {phase === 'DRAFT' && canEdit && (
        <Link to={`/proposals/${proposal.id}/edit`} className="button">
          {t('proposal.edit')}
        </Link>
      )}
      {(phase === 'DELIBERATION' || phase === 'VOTING') && canChangeDeadlines && (
        <DeadlinesForm proposal={proposal} onChange={onChange} />
      )}
    </section>
  );
}
