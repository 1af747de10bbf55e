import type { Turnout } from '../api/types';
import { micro, turnoutSummary } from '../results/chartData';
import { useI18n } from '../i18n/i18n';

/**
 * Turnout, always live (from the event stream): weight cast ÷ weight declared, heads, and the quorum so far.
 * Before voting opens, only the weight declared so far, against which turnout will be measured.
 */
export function LiveTurnout({ turnout, voting }: { turnout: Turnout | null; voting: boolean }) {
  const i18n = useI18n();
  const { t, number, percent } = i18n;
  if (!turnout) return null;
  const share = micro(turnout.turnout);
  if (!voting) {
    return (
      <section className="panel turnout" aria-labelledby="live-turnout">
        <h2 id="live-turnout">{t('turnout.declaredTitle')}</h2>
        <p data-testid="turnout-text">
          {t('turnout.declaredSoFar', { declared: number(micro(turnout.weightDeclared), 2) })}
        </p>
      </section>
    );
  }
  return (
    <section className="panel turnout" aria-labelledby="live-turnout">
      <h2 id="live-turnout">
        {t('turnout.title')} <span className="live-dot" aria-hidden="true" />
        <span className="visually-hidden">{t('turnout.live')}</span>
      </h2>
      <meter min={0} max={1} value={share} aria-label={t('turnout.title')} />
      <p data-testid="turnout-text">{turnoutSummary(turnout, i18n)}</p>
      <p className="small">
        {turnout.quorumMet
          ? t('turnout.quorumMet')
          : t('turnout.quorumNotYet', { share: percent(micro(turnout.quorumTurnout)) })}
      </p>
    </section>
  );
}
