import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { plural } from './plural';

/** What a secret result's totals reveal, said plainly instead of promising more. */
export function SecrecyStatement({ tally, labels }: { tally: TallyResult; labels: string[] }) {
  const i18n = useI18n();
  const { t, number } = i18n;
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
              ? plural(i18n, 'revealsN.unanimousAll', u.voters ?? 0, { option: labels[u.option ?? 0] ?? '' })
              : plural(i18n, 'revealsN.unanimousCell', u.voters ?? 0, {
                  cell: u.breakdown === 'byLevel' ? t('reveals.level', { level: u.key ?? '' }) : (u.name ?? ''),
                  option: labels[u.option ?? 0] ?? '',
                })}
          </li>
        ))}
        {small.map((c, i) => (
          <li key={`s${i}`}>
            {plural(i18n, 'revealsN.small', c.declarations ?? 0, { weight: number(Number(c.weight ?? 0)) })}
          </li>
        ))}
        {s.unequalWeights && <li>{t('reveals.unequal')}</li>}
        {unanimous.length === 0 && small.length === 0 && !s.unequalWeights && <li>{t('reveals.nothing', { k })}</li>}
      </ul>
    </section>
  );
}
