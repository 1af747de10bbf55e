import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Whether lowering some of the highest declarations to their group's suggested level would flip the outcome. A
 * result is fragile whenever it would, at any count (docs/design.md; docs/decisions.md, issue 15): the count says
 * how many declarations decide the outcome.
 */
export function Fragility({ tally }: { tally: TallyResult }) {
  const { t } = useI18n();
  const f = tally.fragility;
  const count = f?.count ?? 0;
  return (
    <section className="panel" aria-labelledby="fragility">
      <h2 id="fragility">{t('results.fragility')}</h2>
      {!f || !f.applicable ? (
        <p>{t('results.fragilityNA')}</p>
      ) : f.fragile ? (
        <p className="notice strong" data-testid="fragile">
          ⚠ {count === 1 ? t('results.fragileOne') : t('results.fragile', { count })}
        </p>
      ) : (
        <p>{t('results.robust')}</p>
      )}
      <p className="small muted">{t('results.fragilityExplain')}</p>
    </section>
  );
}
