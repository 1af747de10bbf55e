import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { EmptyState, Region } from '../ui/states';

const KEYS = {
  DECLARE: 'actions.DECLARE',
  VOTE: 'actions.VOTE',
  ANSWER: 'actions.ANSWER',
  RULE: 'actions.RULE',
} as const;

/** What needs my action (declare, vote, answer, rule), soonest deadline first, each linking to its proposal. */
export function ActionsPanel() {
  const { t, dateTime } = useI18n();
  const actions = useLoad(() => call(api.GET('/api/v1/me/actions')), []);
  return (
    <section className="panel actions-panel" aria-labelledby="my-actions">
      <h2 id="my-actions">{t('actions.title')}</h2>
      <Region loaded={actions}>
        {(list) =>
          (list.items ?? []).length === 0 ? (
            <EmptyState>{t('actions.none')}</EmptyState>
          ) : (
            <>
              <ul className="actions">
                {(list.items ?? []).map((a) => (
                  <li key={`${a.kind}-${a.proposalId}-${a.challengeId ?? ''}`} data-kind={a.kind}>
                    <Link to={`/proposals/${a.proposalId}`}>
                      {t(KEYS[a.kind ?? 'DECLARE'], { title: a.title ?? '' })}
                    </Link>{' '}
                    <span className="muted small">
                      {a.dueAt ? (
                        <time dateTime={a.dueAt}>{t('actions.by', { when: dateTime(a.dueAt) })}</time>
                      ) : (
                        t('actions.noDeadline')
                      )}
                    </span>
                  </li>
                ))}
              </ul>
              {list.truncated && <p className="hint">{t('actions.truncated')}</p>}
            </>
          )
        }
      </Region>
    </section>
  );
}
