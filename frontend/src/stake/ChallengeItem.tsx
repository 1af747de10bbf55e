import { useState } from 'react';
import { api, call } from '../api/client';
import type { Proposal, StakeChallenge, StakeDeclaration } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ConfirmButton } from '../ui/ConfirmDialog';
import { InlineTextForm } from '../ui/InlineTextForm';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { levelKey } from './levels';

/** A challenge of a declaration: its reason, the declarant's answer, and the facilitator's resolution. */
export function ChallengeItem({
  challenge,
  stake,
  proposal,
  mine,
  onChange,
}: {
  challenge: StakeChallenge;
  stake: StakeDeclaration;
  proposal: Proposal;
  mine: boolean;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const open = challenge.status === 'OPEN';
  const path = { proposal: proposal.id!, challenge: challenge.id! };
  return (
    <li className={`challenge ${challenge.status?.toLowerCase()}`}>
      <p>
        <span className="badge">
          {t(`challenge.${challenge.status ?? 'OPEN'}`, { level: challenge.resolvedLevel ?? 0 })}
        </span>{' '}
        {t('challenge.by', { name: challenge.challenger?.displayName ?? '' })}: “{challenge.reason}”
      </p>
      {challenge.answer && <p className="answer">{t('challenge.answer', { answer: challenge.answer })}</p>}
      {challenge.resolutionNote && <p className="small">{challenge.resolutionNote}</p>}
      {open && mine && !challenge.answer && (
        <InlineTextForm
          open={t('challenge.answerOpen')}
          label={t('challenge.answerLabel')}
          submitLabel={t('challenge.answerSend')}
          field="answer"
          send={(answer) =>
            call(
              api.POST('/api/v1/proposals/{proposal}/challenges/{challenge}/answer', {
                params: { path },
                body: { answer },
              }),
            )
          }
          onSent={onChange}
        />
      )}
      {open && !mine && proposal.my?.canResolveChallenges && (
        <Resolve path={path} name={stake.member?.displayName ?? ''} current={stake.level ?? 0} onChange={onChange} />
      )}
    </li>
  );
}

function Resolve({
  path,
  name,
  current,
  onChange,
}: {
  path: { proposal: string; challenge: string };
  name: string;
  current: number;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const lower = [...Array(current).keys()].reverse();
  const [level, setLevel] = useState(lower[0] ?? 0);
  const submit = useSubmit();
  const resolve = (decision: 'UPHOLD' | 'LOWER') =>
    submit
      .run(() =>
        call(
          api.POST('/api/v1/proposals/{proposal}/challenges/{challenge}/resolution', {
            params: { path },
            body: decision === 'LOWER' ? { decision, level } : { decision },
          }),
        ),
      )
      .then((ok) => ok && onChange());
  return (
    <div className="resolve">
      <ConfirmButton
        className="small"
        disabled={submit.busy}
        title={t('confirm.uphold.title', { name, level: current, word: t(levelKey(current)) })}
        body={<p>{t('confirm.ruling.body')}</p>}
        confirmLabel={t('challenge.uphold')}
        onConfirm={() => void resolve('UPHOLD')}
      >
        {t('challenge.uphold')}
      </ConfirmButton>
      {lower.length > 0 && (
        <>
          <label>
            <span className="visually-hidden">{t('challenge.lowerTo')}</span>
            <select value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {lower.map((l) => (
                <option key={l} value={l}>
                  {l} · {t(levelKey(l))}
                </option>
              ))}
            </select>
          </label>
          <ConfirmButton
            className="small"
            disabled={submit.busy}
            title={t('confirm.lower.title', { name, level, word: t(levelKey(level)) })}
            body={<p>{t('confirm.ruling.body')}</p>}
            confirmLabel={t('confirm.lower.action', { level })}
            onConfirm={() => void resolve('LOWER')}
          >
            {t('challenge.lower')}
          </ConfirmButton>
        </>
      )}
      <FormError error={submit.error} />
    </div>
  );
}
