import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { micro, turnoutSummary } from './chartData';

export function TurnoutQuorum({ tally }: { tally: TallyResult }) {
  const i18n = useI18n();
  const { t, number, percent } = i18n;
  const turnout = tally.turnout ?? {};
  const quorum = tally.quorum;
  const delegation = tally.delegation;
  return (
    <section className="panel" aria-labelledby="turnout-quorum">
      <h2 id="turnout-quorum">{t('results.turnout')}</h2>
      <meter min={0} max={1} value={micro(turnout.turnout)} aria-label={t('results.turnout')} />
      <p>{turnoutSummary(turnout, i18n)}</p>
      {quorum && (
        <p>
          {t('results.check', {
            what: t('results.quorum', { share: percent(micro(quorum.turnout)), heads: quorum.headcount ?? 0 }),
            verdict: quorum.met ? t('results.met') : t('results.notMet'),
          })}
        </p>
      )}
      {delegation && (
        <p className="small">
          {t('results.delegation', {
            weight: number(micro(delegation.weightMoved), 2),
            people: delegation.delegatorsFollowed ?? 0,
            lost: number(micro(delegation.weightLost), 2),
          })}
        </p>
      )}
    </section>
  );
}
