import type { Proposal, TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { DeclarationRow } from './weights';

/**
/**
 * Whether lowering some of the highest declarations to their group's suggested level would flip the outcome. A
 * result is fragile whenever it would, at any count (docs/design.md; docs/decisions.md, issue 15): the count says
 * how many declarations decide the outcome; in a public proposal the page names them (names cost no secrecy
 * there). A secret result names nobody: the engine gives no voter ids, and nothing per person is shown.
 */
export function Fragility({
  tally,
  proposal,
  rows,
}: {
  tally: TallyResult;
  proposal?: Proposal;
  rows?: DeclarationRow[] | null;
}) {
  const { t } = useI18n();
  const f = tally.fragility;
  const count = f?.count ?? 0;
  const decisive = !proposal?.secret && f?.fragile && rows ? toCheck(f.voters ?? [], rows, proposal) : [];
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
      {decisive.length > 0 && (
        <>
          <p>{t('fragility.check')}</p>
          <ul data-testid="fragility-declarations">
            {decisive.map((d) => (
              <li key={d.voter}>
                {d.suggested === null
                  ? t('fragility.declaration', { name: d.name, level: d.level, group: d.group })
                  : t('fragility.declarationSuggested', {
                      name: d.name,
                      level: d.level,
                      group: d.group,
                      suggested: d.suggested,
                    })}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="small muted">{t('results.fragilityExplain')}</p>
    </section>
  );
}

interface ToCheck {
  voter: string;
  name: string;
  level: number | string;
  group: string;
  suggested: number | null;
}

/** The declarations the fragility search lowered first, by name, with their group's suggested level. */
export function toCheck(voters: readonly string[], rows: readonly DeclarationRow[], proposal?: Proposal): ToCheck[] {
  const byVoter = new Map(rows.map((r) => [r.voter, r]));
  const suggested = new Map((proposal?.affectedGroups ?? []).map((g) => [g.id ?? '', g.suggestedLevel ?? null]));
  return voters.flatMap((voter) => {
    const row = byVoter.get(voter);
    if (!row) return [];
    return [
      {
        voter,
        name: row.name,
        level: row.stake ?? '?',
        group: row.groupName,
        suggested: suggested.get(row.group) ?? null,
      },
    ];
  });
}
