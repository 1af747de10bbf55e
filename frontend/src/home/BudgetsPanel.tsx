import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { EmptyState, Region } from '../ui/states';

/** My stake budget in each circle that has one: a level s costs s² points per period. */
export function BudgetsPanel() {
  const { t, tn } = useI18n();
  const budgets = useLoad(() => call(api.GET('/api/v1/me/budgets')), []);
  return (
    <section className="panel" aria-labelledby="budgets">
      <h2 id="budgets">{t('home.budgets')}</h2>
      <p className="muted small">{t('home.budgetsExplained')}</p>
      <Region loaded={budgets}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState>{t('home.noBudgets')}</EmptyState>
          ) : (
            <ul className="plain-list">
              {list.map((b) => (
                <li key={b.circleId}>
                  <span>{b.circleName}</span>
                  <meter
                    className="budget-left"
                    min={0}
                    max={b.budget}
                    value={b.left}
                    aria-label={t('home.budgetLeftLabel', { circle: b.circleName ?? '' })}
                  />
                  <span className="small">{tn('home.pointsLeft', b.left ?? 0, { budget: b.budget ?? 0 })}</span>
                </li>
              ))}
            </ul>
          )
        }
      </Region>
    </section>
  );
}
