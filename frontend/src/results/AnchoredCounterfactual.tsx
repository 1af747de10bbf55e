import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { micro, outcomeInWords } from './chartData';

/**
 * The two counterfactuals in plain words, side by side: what one person, one vote would have decided, and what the
 * same ballots would have decided had nobody declared more than their group's suggested level (the anchored
 * counterfactual), each with whether it differs from the actual outcome.
 */
export function AnchoredCounterfactual({ tally, labels }: { tally: TallyResult; labels: readonly string[] }) {
  const { t, number } = useI18n();
  const equal = tally.counterfactual;
  const anchored = tally.anchored;
  if (!equal && !anchored) return null;
  const decided = (c: { outcome?: string; winner?: { index?: number; name?: string } | null }) =>
    outcomeInWords(t, c.outcome, c.winner ? (labels[c.winner.index ?? 0] ?? c.winner.name ?? '') : '');
  return (
    <dl className="counterfactuals" data-testid="counterfactuals">
      {equal && (
        <div data-testid="counterfactual-equal" className={equal.changesOutcome ? 'notice strong' : undefined}>
          <dt>{t('results.equalIf')}</dt>{' '}
          <dd>
            {t(equal.changesOutcome ? 'results.wouldDiffer' : 'results.wouldBeSame', { outcome: decided(equal) })}
          </dd>
        </div>
      )}
      {anchored && (
        <div data-testid="counterfactual-anchored" className={anchored.changesOutcome ? 'notice strong' : undefined}>
          <dt>{t('results.anchoredIf')}</dt>{' '}
          <dd>
            {t(anchored.changesOutcome ? 'results.wouldDiffer' : 'results.wouldBeSame', { outcome: decided(anchored) })}{' '}
            {(anchored.lowered ?? 0) > 0
              ? t('results.anchoredLowered', {
                  count: anchored.lowered ?? 0,
                  weight: number(micro(anchored.weightRemoved), 2),
                })
              : t('results.anchoredNone')}
          </dd>
        </div>
      )}
    </dl>
  );
}
