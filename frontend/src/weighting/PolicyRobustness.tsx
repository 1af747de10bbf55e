import type { Policy } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { MEASURED_CAP, robustnessOf } from './robustness';

/** The chosen policy's measured robustness against stake inflation, in one sentence (docs/legitimacy.md). */
export function PolicyRobustness({ policy, cap }: { policy: Policy; cap?: number | null | undefined }) {
  const { t, percent } = useI18n();
  if (policy === 'EXPLICIT') return null;
  const measured = robustnessOf(policy, cap);
  return (
    <p className="small" data-testid="policy-robustness">
      {measured === null
        ? t('policy.robustnessUnmeasured', { cap: cap ?? MEASURED_CAP, measured: MEASURED_CAP })
        : measured.flips === 0 && measured.flipsWithBudget === 0
          ? t('policy.robustnessImmune')
          : t('policy.robustness', {
              flips: percent(measured.flips / 100),
              budgeted: percent(measured.flipsWithBudget / 100),
              unflagged: percent(measured.unflagged / 100),
            })}
    </p>
  );
}
