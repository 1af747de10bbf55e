import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { micro, outcomeInWords, tieMessage } from './chartData';

/** The outcome in one sentence, with threshold, protection of the most affected, and every tie's stated rule. */
export function OutcomeSummary({ tally, labels }: { tally: TallyResult; labels: readonly string[] }) {
  const { t, number } = useI18n();
  const winner = tally.winner ? (labels[tally.winner.index ?? 0] ?? tally.winner.name ?? '') : '';
  const outcome = outcomeInWords(t, tally.outcome, winner);
  return (
    <section className="panel outcome" aria-labelledby="outcome">
      <h2 id="outcome">{t('results.outcome')}</h2>
      <p className="outcome-text" data-testid="outcome">
        {outcome}
      </p>
      {tally.threshold && (
        <p>
          {t('results.check', {
            what: t(`threshold.${tally.threshold.rule as 'SIMPLE_MAJORITY'}`, {
              // the catalogue writes the % sign: the number alone here
              percent: number(micro(tally.threshold.objection) * 100),
            }),
            verdict: tally.threshold.met ? t('results.met') : t('results.notMet'),
          })}
        </p>
      )}
      {tally.protection && (
        <p>
          {t('results.check', {
            what: t('results.protection', { level: tally.protection.fromLevel ?? 0 }),
            verdict: tally.protection.met ? t('results.met') : t('results.notMet'),
          })}
        </p>
      )}
      {(tally.ties ?? []).map((tie, i) => {
        const message = tieMessage(tie, labels);
        return (
          <p key={i} className="notice" data-testid="tie">
            {t(message.key, message.vars)}
          </p>
        );
      })}
    </section>
  );
}
