import type { TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { micro } from './chartData';

/**
 * Why the ranked methods chose their winner, from the engine's details: the full ranking; for Schulze the
 * head-to-head (pairwise) matrix and the strongest paths; for instant runoff each round's counts and who was
 * eliminated; for Copeland the wins, ties and losses. Tables with captions and headers, so that a screen reader
 * reads each cell with its row and column.
 */
export function RankedExplanation({ tally, labels }: { tally: TallyResult; labels: readonly string[] }) {
  const { t } = useI18n();
  const details = tally.details ?? {};
  const ranking = tally.ranking ?? [];
  const pairwise = details.pairwise ?? null;
  const paths = details.strongestPaths ?? null;
  const rounds = details.rounds ?? null;
  const copeland = details.copeland ?? null;
  const name = (i: number) => labels[i] ?? `#${i + 1}`;
  if (tally.method === 'APPROVE_REJECT' || (ranking.length === 0 && !pairwise && !rounds && !copeland)) return null;
  return (
    <section className="panel ranked-explanation" aria-labelledby="why-winner" data-testid="ranked-explanation">
      <h2 id="why-winner">{t('ranked.title')}</h2>
      {ranking.length > 0 && (
        <>
          <h3 id="full-ranking">{t('ranked.ranking')}</h3>
          <ol className="full-ranking" aria-labelledby="full-ranking" data-testid="full-ranking">
            {ranking.map((option) => (
              <li key={option}>{name(option)}</li>
            ))}
          </ol>
        </>
      )}
      {pairwise && <Pairwise matrix={pairwise} name={name} count={labels.length} />}
      {paths && (
        <Matrix
          testId="strongest-paths"
          caption={t('ranked.pathsCaption')}
          explain={t('ranked.pathsExplain')}
          matrix={paths}
          name={name}
          count={labels.length}
        />
      )}
      {rounds && rounds.length > 0 && <Rounds rounds={rounds} name={name} count={labels.length} />}
      {copeland && copeland.length > 0 && <Copeland scores={copeland} name={name} />}
    </section>
  );
}

type Name = (i: number) => string;

/** Who beats whom, head to head, and by how much weight; then the same in sentences. */
function Pairwise({ matrix, name, count }: { matrix: string[][]; name: Name; count: number }) {
  const { t, number } = useI18n();
  const at = (i: number, j: number) => micro(matrix[i]?.[j]);
  const wins: { winner: number; loser: number }[] = [];
  for (let i = 0; i < count; i++)
    for (let j = 0; j < count; j++) if (i !== j && at(i, j) > at(j, i)) wins.push({ winner: i, loser: j });
  const beatsAll = [...Array(count).keys()].find((i) => wins.filter((w) => w.winner === i).length === count - 1);
  return (
    <>
      <Matrix
        testId="pairwise"
        caption={t('ranked.pairwiseCaption')}
        explain={t('ranked.pairwiseExplain')}
        matrix={matrix}
        name={name}
        count={count}
        verdict
      />
      <p data-testid="condorcet">
        {beatsAll !== undefined ? t('ranked.beatsAll', { option: name(beatsAll) }) : t('ranked.noneBeatsAll')}
      </p>
      <ul className="pair-sentences small">
        {wins.map(({ winner, loser }) => (
          <li key={`${winner}-${loser}`}>
            {t('ranked.beats', {
              winner: name(winner),
              loser: name(loser),
              for: number(at(winner, loser), 2),
              against: number(at(loser, winner), 2),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

function Matrix({
  testId,
  caption,
  explain,
  matrix,
  name,
  count,
  verdict = false,
}: {
  testId: string;
  caption: string;
  explain: string;
  matrix: string[][];
  name: Name;
  count: number;
  verdict?: boolean;
}) {
  const { t, number } = useI18n();
  const options = [...Array(count).keys()];
  const at = (i: number, j: number) => micro(matrix[i]?.[j]);
  return (
    <div className="breakdown">
      <table className="breakdown-table matrix-table" data-testid={testId}>
        <caption>
          {caption} <span className="small muted">{explain}</span>
        </caption>
        <thead>
          <tr>
            <td />
            {options.map((j) => (
              <th scope="col" key={j}>
                {t('ranked.over', { option: name(j) })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {options.map((i) => (
            <tr key={i}>
              <th scope="row">{name(i)}</th>
              {options.map((j) =>
                i === j ? (
                  <td key={j} className="muted">
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t('ranked.self')}</span>
                  </td>
                ) : (
                  <td
                    key={j}
                    className={
                      verdict ? (at(i, j) > at(j, i) ? 'wins' : at(i, j) < at(j, i) ? 'loses' : 'ties') : undefined
                    }
                  >
                    {number(at(i, j), 2)}
                    {verdict && (
                      <span className="pair-verdict">
                        {' '}
                        {at(i, j) > at(j, i)
                          ? t('ranked.wins')
                          : at(i, j) < at(j, i)
                            ? t('ranked.loses')
                            : t('ranked.ties')}
                      </span>
                    )}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Instant runoff: each round's counts, what was exhausted, and who was eliminated. */
function Rounds({
  rounds,
  name,
  count,
}: {
  rounds: NonNullable<NonNullable<TallyResult['details']>['rounds']>;
  name: Name;
  count: number;
}) {
  const { t, number } = useI18n();
  const options = [...Array(count).keys()];
  const out = new Set<number>();
  return (
    <div className="breakdown">
      <table className="breakdown-table" data-testid="irv-rounds">
        <caption>
          {t('ranked.roundsCaption')} <span className="small muted">{t('ranked.roundsExplain')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('ranked.round')}</th>
            {options.map((j) => (
              <th scope="col" key={j}>
                {name(j)}
              </th>
            ))}
            <th scope="col">{t('ranked.exhausted')}</th>
            <th scope="col">{t('ranked.eliminated')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((round, r) => {
            const gone = new Set(out);
            if (round.eliminated != null) out.add(round.eliminated);
            return (
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {options.map((j) => (
                  <td key={j} className={round.eliminated === j ? 'loses' : undefined}>
                    {gone.has(j) ? (
                      <span className="muted">{t('ranked.out')}</span>
                    ) : (
                      number(micro(round.totals?.[j]), 2)
                    )}
                  </td>
                ))}
                <td>{number(micro(round.exhausted), 2)}</td>
                <td>{round.eliminated != null ? name(round.eliminated) : t('ranked.nobody')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Copeland: each option's head-to-head wins, ties and losses, and its average support. */
function Copeland({
  scores,
  name,
}: {
  scores: NonNullable<NonNullable<TallyResult['details']>['copeland']>;
  name: Name;
}) {
  const { t, number } = useI18n();
  return (
    <div className="breakdown">
      <table className="breakdown-table" data-testid="copeland">
        <caption>
          {t('ranked.copelandCaption')} <span className="small muted">{t('ranked.copelandExplain')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('ranked.option')}</th>
            <th scope="col">{t('ranked.winsCol')}</th>
            <th scope="col">{t('ranked.tiesCol')}</th>
            <th scope="col">{t('ranked.lossesCol')}</th>
            <th scope="col">{t('ranked.support')}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s, i) => (
            <tr key={i}>
              <th scope="row">{name(i)}</th>
              <td>{number(s.wins ?? 0)}</td>
              <td>{number(s.ties ?? 0)}</td>
              <td>{number(s.losses ?? 0)}</td>
              <td>{number(micro(s.support), 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
