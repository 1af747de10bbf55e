import { useLayoutEffect, useRef, useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { MyBallot, Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { initialDraft, toBallot, type Draft } from './ballot';
import { Receipt } from './Receipt';
import { VoteControl } from './VoteControl';

/** Vote (or change my vote) while voting is open, then keep the receipt. */
export function VotePanel({ proposal, onVoted }: { proposal: Proposal; onVoted: () => void }) {
  const { t } = useI18n();
  const mine = useLoad(
    () =>
      call(api.GET('/api/v1/proposals/{proposal}/ballot', { params: { path: { proposal: proposal.id! } } })).catch(
        (e: { status?: number }) => {
          if (e.status === 404) return null;
          throw e;
        },
      ),
    [proposal.id],
  );
  const hasStake = (proposal.my?.stakeLevel ?? 0) > 0;
  return (
    <section className="panel vote" aria-labelledby="vote">
      <h2 id="vote">{t('vote.title')}</h2>
      {!proposal.my?.canTakePart ? (
        <p>{t('vote.cannotTakePart')}</p>
      ) : !hasStake ? (
        <p>{t('vote.noStake')}</p>
      ) : (
        <Region loaded={mine}>{(ballot) => <BallotForm proposal={proposal} cast={ballot} onVoted={onVoted} />}</Region>
      )}
    </section>
  );
}

function BallotForm({ proposal, cast, onVoted }: { proposal: Proposal; cast: MyBallot | null; onVoted: () => void }) {
  const { t } = useI18n();
  const labels = (proposal.options ?? []).map((o) => o.label ?? '');
  const [draft, setDraft] = useState<Draft>(() => initialDraft(proposal.method!, labels.length, cast?.ballot));
  const [receipt, setReceipt] = useState<MyBallot | null>(cast);
  // nothing is sent that the voter did not choose: the button waits for a first choice (or a change)
  const [touched, setTouched] = useState(false);
  const [justCast, setJustCast] = useState(0);
  const receiptBox = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (justCast > 0) receiptBox.current?.focus();
  }, [justCast]);
  const submit = useSubmit();
  const ballot = toBallot(draft);
  return (
    <form
      noValidate
      onSubmit={submit.onSubmit(async () => {
        if (ballot) {
          setReceipt(
            await call(
              api.PUT('/api/v1/proposals/{proposal}/ballot', {
                params: { path: { proposal: proposal.id! } },
                body: ballot,
              }),
            ),
          );
          setTouched(false);
          setJustCast((n) => n + 1);
        }
      }, onVoted)}
    >
      <p className="small">{t('vote.weightNote', { level: proposal.my?.stakeLevel ?? 0 })}</p>
      <VoteControl
        draft={draft}
        labels={labels}
        onChange={(next) => {
          setDraft(next);
          setTouched(true);
        }}
      />
      <FormError error={submit.error} />
      {!touched && !receipt && <p className="hint">{t('vote.chooseFirst')}</p>}
      <button type="submit" className="primary" disabled={submit.busy || !ballot || !touched}>
        {receipt ? t('vote.change') : t('vote.cast')}
      </button>
      {receipt && (
        <div ref={receiptBox} tabIndex={-1} className="receipt-box" aria-label={t('vote.recorded')} role="region">
          {justCast > 0 && <p className="ok">{t('vote.recorded')}</p>}
          <Receipt proposalId={proposal.id!} ballot={receipt} />
        </div>
      )}
    </form>
  );
}
