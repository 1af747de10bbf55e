import type { Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * What is secret and what is not in this proposal, in words, shown from deliberation on — before anyone votes:
 * who will see which ballot, what the stake list shows, what the totals reveal, and (secret ballots) which
 * declarations the weighting will single out by the weight of their ballots.
 */
export function SecrecyPanel({ proposal }: { proposal: Proposal }) {
  const { t, tn, number } = useI18n();
  const secrecy = proposal.secrecy;
  const k = secrecy?.minCellVoters ?? 5;
  const small = secrecy?.smallClasses ?? [];
  return (
    <section className="panel secrecy" aria-labelledby="secrecy" data-testid="secrecy">
      <h2 id="secrecy">{t('secrecy.title')}</h2>
      {proposal.secret ? (
        <ul>
          <li>{t('secrecy.secret.ballots')}</li>
          <li>{t('secrecy.secret.stakes')}</li>
          <li>{t('secrecy.secret.ledger')}</li>
          <li>{t('secrecy.secret.totals', { k })}</li>
          <li>{t('secrecy.secret.turnout', { k })}</li>
          {secrecy?.weightShowsLevel ? <li>{t('secrecy.secret.weights')}</li> : <li>{t('secrecy.secret.equal')}</li>}
        </ul>
      ) : (
        <ul>
          <li>{proposal.liveResults ? t('secrecy.public.live') : t('secrecy.public.sealed')}</li>
          <li>{t('secrecy.public.after')}</li>
          <li>{t('secrecy.public.stakes')}</li>
        </ul>
      )}
      {proposal.secret && small.length > 0 && (
        <div className="notice" role="note" data-testid="secrecy-small">
          <p>{t('secrecy.small.lead', { k })}</p>
          <ul>
            {small.map((c, i) => (
              <li key={i}>
                {c.level === null || c.level === undefined
                  ? tn('secrecy.smallWeight', c.declarations ?? 0, { weight: number(Number(c.weight ?? 0)) })
                  : tn('secrecy.smallLevel', c.declarations ?? 0, {
                      level: c.level,
                      weight: number(Number(c.weight ?? 0)),
                      group: c.groupName ?? t('secrecy.small.anyGroup'),
                    })}
              </li>
            ))}
          </ul>
          <p className="small">{t('secrecy.small.advice')}</p>
        </div>
      )}
    </section>
  );
}
