import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** Whether lowering a few of the highest declarations to their group's suggested level would flip the outcome. */
export function Fragility({ tally }: { tally: TallyResult }) {
  const { t } = useI18n();
  const f = tally.fragility;
  return (
    <section className="panel" aria-labelledby="fragility">
      <h2 id="fragility">{t('results.fragility')}</h2>
      {!f || !f.applicable ? (
        <p>{t('results.fragilityNA')}</p>
      ) : f.fragile ? (
        <p className="notice strong" data-testid="fragile">
          ⚠ {t('results.fragile', { count: f.count ?? 0 })}
        </p>
      ) : f.flips ? (
        <p>{t('results.flipsAt', { count: f.count ?? 0 })}</p>
      ) : (
        <p>{t('results.robust')}</p>
      )}
      <p className="small muted">{t('results.fragilityExplain')}</p>
    </section>
  );
}
