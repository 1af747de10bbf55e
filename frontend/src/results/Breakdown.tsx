import type { TallyCell, TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { breakdownRows, solidaritiesDisagree } from './chartData';

/**
 * How each affected group and each stake level voted, as shares of the cell's measure, so that a conflict
 * between two solidarities is visible rather than averaged away.
 */
export function Breakdown({ tally, labels }: { tally: TallyResult; labels: readonly string[] }) {
  const { t } = useI18n();
  const breakdown = tally.breakdown;
  if (!breakdown) return null;
  return (
    <section className="panel" aria-labelledby="breakdown">
      <h2 id="breakdown">{t('results.breakdown')}</h2>
      {breakdown.secret && (
        <p className="small muted">{t('results.secretCells', { k: breakdown.minCellVoters ?? 5 })}</p>
      )}
      <BreakdownTable
        caption={t('results.byGroup')}
        header={t('results.group')}
        disagreement={t('results.disagreeGroups')}
        cells={breakdown.byGroup ?? []}
        labels={labels}
        name={(c) => (c.key === 'other' ? t('results.other') : (c.name ?? c.key ?? ''))}
      />
      <BreakdownTable
        caption={t('results.byLevel')}
        header={t('results.level')}
        disagreement={t('results.disagreeLevels')}
        cells={breakdown.byLevel ?? []}
        labels={labels}
        name={(c) =>
          c.key === 'other' || c.key === undefined
            ? (c.name ?? t('results.other'))
            : `${c.key} · ${t(levelKey(Number(c.key)))}`
        }
      />
    </section>
  );
}

function BreakdownTable({
  caption,
  header,
  disagreement,
  cells,
  labels,
  name,
}: {
  caption: string;
  header: string;
  disagreement: string;
  cells: TallyCell[];
  labels: readonly string[];
  name: (cell: TallyCell) => string;
}) {
  const { t, number, percent } = useI18n();
  const rows = breakdownRows(cells);
  if (rows.length === 0) return null;
  const disagree = solidaritiesDisagree(rows);
  return (
    <div className="breakdown">
      <table className="breakdown-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{header}</th>
            <th scope="col">{t('results.peopleCounted')}</th>
            <th scope="col">{t('results.weightCast')}</th>
            {labels.map((l, i) => (
              <th scope="col" key={i}>
                {l}
              </th>
            ))}
            <th scope="col">{t('results.leansTo')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.key}>
              <th scope="row">{name(cells[r]!)}</th>
              <td>{number(row.voters)}</td>
              <td>{number(row.weightCast, 2)}</td>
              {labels.map((_, i) => (
                <td key={i} className={row.leader === i ? 'leader' : undefined}>
                  <span className="share-bar" style={{ width: `${(row.shares[i] ?? 0) * 100}%` }} aria-hidden="true" />
                  {percent(row.shares[i] ?? 0)}
                </td>
              ))}
              <td>{row.leader === null ? t('results.split') : labels[row.leader]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {disagree && (
        <p className="notice" data-testid="solidarities-disagree">
          {disagreement}
        </p>
      )}
    </div>
  );
}
