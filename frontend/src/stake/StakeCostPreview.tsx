import type { Policy } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { weightOf } from '../weighting/policies';
import { previewCost } from './levels';

/** Before I confirm: what the level costs from my stake budget (s²), what is left after, and what my ballot weighs. */
export function StakeCostPreview({
  level,
  currentLevel,
  budgetLeft,
  policy,
  cap,
}: {
  level: number;
  currentLevel: number | null | undefined;
  budgetLeft: number | null;
  policy: Policy;
  cap?: number | null | undefined;
}) {
  const { t, tn, number } = useI18n();
  const preview = previewCost(level, currentLevel, budgetLeft);
  return (
    <div
      className={preview.overBudget ? 'cost-preview over' : 'cost-preview'}
      aria-live="polite"
      data-testid="cost-preview"
    >
      <p>
        <strong>{tn('stake.costs', preview.cost, { level })}</strong>
        {preview.refund > 0 && <> {tn('stake.refunds', preview.refund)}</>}
      </p>
      {preview.leftAfter === null ? (
        <p className="small">{t('stake.noBudget')}</p>
      ) : preview.overBudget ? (
        <p className="warning">{tn('stake.overBudgetLeft', budgetLeft ?? 0)}</p>
      ) : (
        <p className="small">{tn('stake.leftAfterConfirming', preview.leftAfter)}</p>
      )}
      <p className="small">{t('stake.weight', { weight: number(weightOf(policy, level, cap ?? 5), 2) })}</p>
    </div>
  );
}
