import { useState } from 'react';
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
  const submit = useSubmit();
  const ballot = toBallot(draft);
  return (
    <form
      noValidate
      onSubmit={submit.onSubmit(async () => {
        if (ballot)
          setReceipt(
            await call(
              api.PUT('/api/v1/proposals/{proposal}/ballot', {
                params: { path: { proposal: proposal.id! } },
                body: ballot,
              }),
            ),
          );
      }, onVoted)}
    >
      <p className="small">{t('vote.weightNote', { level: proposal.my?.stakeLevel ?? 0 })}</p>
      <VoteControl draft={draft} labels={labels} onChange={setDraft} />
      <FormError error={submit.error} />
      <button type="submit" className="primary" disabled={submit.busy || !ballot}>
        {receipt ? t('vote.change') : t('vote.cast')}
      </button>
      {receipt && <Receipt proposalId={proposal.id!} ballot={receipt} />}
    </form>
  );
}
