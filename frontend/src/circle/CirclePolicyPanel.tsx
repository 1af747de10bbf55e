import { useState } from 'react';
import { api, call } from '../api/client';
import type { BudgetPeriod, Circle } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/** The circle's stake policies: a budget of points per period (level s costs s²), challenges, and the challenge window. */
export function CirclePolicyPanel({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t } = useI18n();
  const policy = circle.policy;
  const [budget, setBudget] = useState(policy?.stakeBudget ? String(policy.stakeBudget) : '');
  const [period, setPeriod] = useState<BudgetPeriod>(policy?.budgetPeriod ?? 'QUARTER');
  const [challenges, setChallenges] = useState(policy?.challengesEnabled ?? true);
  const [windowMinutes, setWindowMinutes] = useState(String(policy?.challengeWindowMinutes ?? 60));
  const submit = useSubmit();

  const summary = (
    <p>
      {policy?.stakeBudget
        ? t('policy.budgetSummary', {
            points: policy.stakeBudget,
            period: t(`period.${policy.budgetPeriod ?? 'QUARTER'}`),
          })
        : t('policy.noBudget')}{' '}
      {policy?.challengesEnabled === false ? t('policy.challengesOff') : t('policy.challengesOn')}{' '}
      {policy?.challengeWindowMinutes
        ? t('policy.windowSummary', { minutes: policy.challengeWindowMinutes })
        : t('policy.noWindow')}
    </p>
  );
  return (
    <section className="panel" aria-labelledby="policy">
      <h2 id="policy">{t('policy.title')}</h2>
      {summary}
      {circle.canManage && (
        <form
          className="form compact"
          noValidate
          onSubmit={submit.onSubmit(
            () =>
              call(
                api.PUT('/api/v1/circles/{circle}/policy', {
                  params: { path: { circle: circle.id! } },
                  body: {
                    stakeBudget: budget ? Number(budget) : null,
                    budgetPeriod: period,
                    challengesEnabled: challenges,
                    challengeWindowMinutes: Number(windowMinutes),
                  },
                }),
              ),
            onChange,
          )}
        >
          <Field label={t('policy.budget')} hint={t('policy.budgetHint')} field="stakeBudget" error={submit.error}>
            <input type="number" min={1} max={10000} value={budget} onChange={(e) => setBudget(e.target.value)} />
          </Field>
          <Field label={t('policy.period')} field="budgetPeriod" error={submit.error}>
            <select value={period} onChange={(e) => setPeriod(e.target.value as BudgetPeriod)}>
              {(['MONTH', 'QUARTER', 'YEAR'] as const).map((p) => (
                <option key={p} value={p}>
                  {t(`period.${p}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="checkbox">
            <input type="checkbox" checked={challenges} onChange={(e) => setChallenges(e.target.checked)} />{' '}
            {t('policy.challenges')}
          </label>
          <Field
            label={t('policy.window')}
            hint={t('policy.windowHint')}
            field="challengeWindowMinutes"
            error={submit.error}
          >
            <input
              type="number"
              min={0}
              max={1440}
              value={windowMinutes}
              onChange={(e) => setWindowMinutes(e.target.value)}
            />
          </Field>
          <FormError error={submit.error} />
          <button type="submit" disabled={submit.busy}>
            {t('action.save')}
          </button>
        </form>
      )}
    </section>
  );
}
