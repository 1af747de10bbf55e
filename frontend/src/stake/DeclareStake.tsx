import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { DoneNote } from '../ui/DoneNote';
import { Field } from '../ui/Field';
import { FieldErrors, FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { LEVELS, levelKey, previewCost } from './levels';
import { StakeCostPreview } from './StakeCostPreview';

/** Declare (or change) how much the proposal affects me: group, level 0..5 in words, reason, and the cost first. */
export function DeclareStake({ proposal, onDeclared }: { proposal: Proposal; onDeclared: () => void }) {
  const { t } = useI18n();
  const groups = proposal.affectedGroups ?? [];
  const my = proposal.my;
  const [groupId, setGroupId] = useState(my?.stakeGroup ?? groups[0]?.id ?? '');
  const [level, setLevel] = useState<number>(my?.stakeLevel ?? groups[0]?.suggestedLevel ?? 0);
  const [reason, setReason] = useState('');
  const budgets = useLoad(() => call(api.GET('/api/v1/me/budgets')), []);
  const submit = useSubmit();
  const [declared, setDeclared] = useState(0);
  const group = groups.find((g) => g.id === groupId);
  const aboveSuggested = group !== undefined && level > (group.suggestedLevel ?? 0);
  const budget = budgets.state === 'ready' ? budgets.data.find((b) => b.circleId === proposal.circle?.id) : undefined;
  const budgetLeft = budget?.left ?? null;
  const overBudget = previewCost(level, my?.stakeLevel, budgetLeft).overBudget;

  return (
    <section className="panel declare-stake" aria-labelledby="declare-stake">
      <h2 id="declare-stake">{my?.stakeLevel == null ? t('stake.declare') : t('stake.change')}</h2>
      {my?.stakeLevel != null && (
        <p>{t('stake.current', { level: my.stakeLevel, word: t(levelKey(my.stakeLevel)) })}</p>
      )}
      <form
        className="form compact"
        noValidate
        onSubmit={submit.onSubmit(
          () =>
            call(
              api.PUT('/api/v1/proposals/{proposal}/stakes/mine', {
                params: { path: { proposal: proposal.id! } },
                body: { groupId, level, ...(reason ? { reason } : {}) },
              }),
            ),
          () => {
            setReason('');
            setDeclared((n) => n + 1);
            budgets.reload();
            onDeclared();
          },
        )}
      >
        <Field label={t('stake.group')} field="groupId" error={submit.error}>
          <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name} — {t('groups.suggestedShort', { word: t(levelKey(g.suggestedLevel ?? 0)) })}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="levels" data-field="level" data-label={t('stake.level')}>
          <legend>{t('stake.level')}</legend>
          {LEVELS.map((l) => (
            <label key={l} className={l === level ? 'level selected' : 'level'}>
              <input type="radio" name="stake-level" value={l} checked={l === level} onChange={() => setLevel(l)} />
              <span className="level-number">{l}</span> {t(levelKey(l))}
            </label>
          ))}
          <FieldErrors id="stake-level-error" error={submit.error} field="level" />
        </fieldset>
        <Field
          label={aboveSuggested ? t('stake.reasonRequired') : t('stake.reason')}
          hint={aboveSuggested ? t('stake.aboveSuggested') : undefined}
          field="reason"
          error={submit.error}
          max={2000}
        >
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={3} />
        </Field>
        <StakeCostPreview
          level={level}
          currentLevel={my?.stakeLevel}
          budgetLeft={budgetLeft}
          policy={proposal.weighting?.policy ?? 'LINEAR'}
          cap={proposal.weighting?.cap}
        />
        <FormError error={submit.error} />
        <DoneNote message={t('stake.recorded', { level, word: t(levelKey(level)) })} stamp={declared} />
        <button type="submit" className="primary" disabled={submit.busy || overBudget || !groupId}>
          {t('stake.confirm', { level, word: t(levelKey(level)) })}
        </button>
      </form>
    </section>
  );
}
