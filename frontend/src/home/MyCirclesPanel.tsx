import type { Me } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { EmptyState } from '../ui/states';

export function MyCirclesPanel({ circles, admin }: { circles: NonNullable<Me['circles']>; admin: boolean }) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="my-circles">
      <h2 id="my-circles">{t('home.myCircles')}</h2>
      {circles.length === 0 ? (
        <EmptyState>{t('home.noCircles')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {circles.map((c) => (
            <li key={c.id}>
              <Link to={`/circles/${c.slug}`}>{c.name}</Link>
              {c.role === 'FACILITATOR' && <span className="badge">{t('circle.facilitator')}</span>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/circles">{t('directory.all')}</Link>
      </p>
      {admin && (
        <p className="notification-actions">
          <Link to="/circles/new" className="button">
            {t('circle.create')}
          </Link>
          <Link to="/admin/integrations">{t('integrations.title')}</Link>
        </p>
      )}
    </section>
  );
}
