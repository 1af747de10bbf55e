import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { micro } from './chartData';

export function TurnoutQuorum({ tally }: { tally: TallyResult }) {
  const { t, number, percent } = useI18n();
  const turnout = tally.turnout ?? {};
  const quorum = tally.quorum;
  const delegation = tally.delegation;
  return (
    <section className="panel" aria-labelledby="turnout-quorum">
      <h2 id="turnout-quorum">{t('results.turnout')}</h2>
      <meter min={0} max={1} value={micro(turnout.turnout)} aria-label={t('results.turnout')} />
      <p>
        {t('turnout.summary', {
          share: percent(micro(turnout.turnout)),
          cast: number(micro(turnout.weightCast), 2),
          declared: number(micro(turnout.weightDeclared), 2),
          voters: turnout.voters ?? 0,
          delegators: turnout.delegators ?? 0,
        })}
      </p>
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
