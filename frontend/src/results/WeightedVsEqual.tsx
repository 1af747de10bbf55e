import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { AnchoredCounterfactual } from './AnchoredCounterfactual';
import { BarTable } from './BarTable';
import { compareWithEqual, otherCountInWords } from './chartData';

/**
 * Weighted totals beside one-person-one-vote among the same voters, and whether weighting changed the outcome; then
 * both counterfactuals in words: one person, one vote, and nobody above their group's suggested level.
 */
export function WeightedVsEqual({ tally, labels }: { tally: TallyResult; labels: readonly string[] }) {
  const { t, number, percent } = useI18n();
  const rows = compareWithEqual(tally, labels);
  const counterfactual = tally.counterfactual;
  return (
    <section className="panel" aria-labelledby="weighted-vs-equal" data-testid="weighted-vs-equal">
      <h2 id="weighted-vs-equal">{t('results.weightedVsEqual')}</h2>
      {counterfactual && (
        <p className={counterfactual.changesOutcome ? 'notice strong' : ''}>
          {counterfactual.changesOutcome ? t('results.weightingChanged') : t('results.weightingSame')}
        </p>
      )}
      {counterfactual?.changesOutcome && (
        <p data-testid="equal-would-have">{otherCountInWords(t, tally.method, counterfactual, labels)}</p>
      )}
      <div className="side-by-side">
        <BarTable
          caption={t('results.weighted')}
          variant="weighted"
          max={1}
          highlight={tally.winner?.index}
          bars={rows.map((r) => ({
            label: r.label,
            value: r.weightedShare,
            text: `${number(r.weighted, 2)} (${percent(r.weightedShare)})`,
          }))}
        />
        {counterfactual && (
          <BarTable
            caption={t('results.equal')}
            variant="equal"
            max={1}
            highlight={counterfactual.winner?.index}
            bars={rows.map((r) => ({
              label: r.label,
              value: r.equalShare,
              text: `${number(r.equal)} (${percent(r.equalShare)})`,
            }))}
          />
        )}
      </div>
      <AnchoredCounterfactual tally={tally} labels={labels} />
      <p className="small muted">{t('results.sharesNote')}</p>
    </section>
  );
}
