import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** What a secret result's totals reveal, said plainly instead of promising more. */
export function SecrecyStatement({ tally, labels }: { tally: TallyResult; labels: string[] }) {
  const { t, number } = useI18n();
  const s = tally.secrecy;
  if (!s) {
    return null;
  }
  const k = s.minCellVoters ?? 5;
  const unanimous = s.unanimous ?? [];
  const small = s.smallClasses ?? [];
  return (
    <section className="panel" aria-labelledby="reveals" data-testid="secrecy-statement">
      <h2 id="reveals">{t('reveals.title')}</h2>
      <p>{t('reveals.lead', { k })}</p>
      <ul>
        {unanimous.map((u, i) => (
          <li key={`u${i}`}>
            {u.breakdown === 'all'
              ? t('reveals.unanimousAll', { count: u.voters ?? 0, option: labels[u.option ?? 0] ?? '' })
              : t('reveals.unanimousCell', {
                  count: u.voters ?? 0,
                  cell: u.breakdown === 'byLevel' ? t('reveals.level', { level: u.key ?? '' }) : (u.name ?? ''),
                  option: labels[u.option ?? 0] ?? '',
                })}
          </li>
        ))}
        {small.map((c, i) => (
          <li key={`s${i}`}>
            {t('reveals.small', { count: c.declarations ?? 0, weight: number(Number(c.weight ?? 0)) })}
          </li>
        ))}
        {s.unequalWeights && <li>{t('reveals.unequal')}</li>}
        {unanimous.length === 0 && small.length === 0 && !s.unequalWeights && <li>{t('reveals.nothing', { k })}</li>}
      </ul>
    </section>
  );
}
