import { useState } from 'react';
import type { Method, Proposal, TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ballotInWords } from '../vote/ballot';
import { micro } from './chartData';
import { plural } from './plural';
import { ballotFromCsv, weightLedger, type DeclarationRow } from './weights';

const PAGE = 50;

/**
 * Every person whose weight counted in a closed public proposal, with their weight and the ballot it counted
 * for: their own, or (for those who entrusted their vote) the ballot at the end of their delegation chain.
 * The sums are the tally's (weight cast, voters, through a delegate), said so beside the table.
 */
export function EveryWeight({
  proposal,
  tally,
  rows,
  labels,
}: {
  proposal: Proposal;
  tally: TallyResult;
  rows: DeclarationRow[];
  labels: readonly string[];
}) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const [shown, setShown] = useState(PAGE);
  const ledger = weightLedger(rows);
  const method = proposal.method as Method;
  const inWords = (row: DeclarationRow) =>
    ballotInWords(method, ballotFromCsv(method, row.ballot), labels, t('results.ballotNone'));
  const turnout = tally.turnout ?? {};
  const agrees =
    Math.abs(ledger.weightCast - micro(turnout.weightCast)) < 1e-6 &&
    ledger.voters === (turnout.voters ?? 0) &&
    ledger.delegators === (turnout.delegators ?? 0);
  return (
    <section className="panel" aria-labelledby="every-weight" data-testid="every-weight">
      <h2 id="every-weight">{t('weights.title')}</h2>
      <p className="small muted">{t('weights.explain')}</p>
      <div className="breakdown">
        <table className="breakdown-table" data-testid="weights-table">
          <caption className="visually-hidden">{t('weights.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('weights.person')}</th>
              <th scope="col">{t('weights.stake')}</th>
              <th scope="col">{t('weights.weight')}</th>
              <th scope="col">{t('weights.countedFor')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.counted.slice(0, shown).map(({ row, countedWith }) => (
              <tr key={row.voter}>
                <th scope="row">{row.name}</th>
                <td>
                  {row.stake === null
                    ? row.groupName
                    : t('weights.stakeIn', { level: row.stake, group: row.groupName })}
                </td>
                <td>{number(row.weight, 2)}</td>
                <td>
                  {countedWith === row
                    ? t('weights.own', { ballot: inWords(row) })
                    : t('weights.through', { delegate: countedWith.name, ballot: inWords(countedWith) })}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('weights.total')}</th>
              <td />
              <td>{number(ledger.weightCast, 2)}</td>
              <td>
                {plural(i18n, 'weights.people', ledger.counted.length, {
                  voters: ledger.voters,
                  delegators: ledger.delegators,
                })}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {ledger.counted.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {t('weights.more')}
        </button>
      )}
      <p className="small" data-testid="weights-agree">
        {agrees ? t('weights.agree') : t('weights.disagree')}
      </p>
      {ledger.notCounted.length > 0 && (
        <p className="small muted" data-testid="weights-not-counted">
          {plural(i18n, 'weights.notCounted', ledger.notCounted.length, {
            names: ledger.notCounted.map((r) => r.name).join(', '),
            weight: number(
              ledger.notCounted.reduce((sum, r) => sum + r.weight, 0),
              2,
            ),
          })}
        </p>
      )}
    </section>
  );
}
