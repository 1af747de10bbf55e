import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { EmptyState, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

export function NotificationsPanel() {
  const { t, dateTime } = useI18n();
  const notifications = useLoad(
    () => call(api.GET('/api/v1/notifications', { params: { query: { limit: '10' } } })),
    [],
  );
  const markRead = useSubmit();
  const unread = notifications.state === 'ready' && (notifications.data.items ?? []).some((n) => !n.readAt);
  return (
    <section className="panel" aria-labelledby="notifications">
      <h2 id="notifications">{t('home.notifications')}</h2>
      <Region loaded={notifications}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('home.noNotifications')}</EmptyState>
          ) : (
            <ul className="notifications">
              {(page.items ?? []).map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  {!n.readAt && <span className="visually-hidden">{t('home.unread')}</span>}
                  {n.proposalId ? <Link to={`/proposals/${n.proposalId}`}>{n.text}</Link> : n.text}
                  <time className="muted small" dateTime={n.createdAt}>
                    {' '}
                    {dateTime(n.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          )
        }
      </Region>
      {unread && (
        <button
          type="button"
          disabled={markRead.busy}
          onClick={() =>
            void markRead
              .run(() => call(api.POST('/api/v1/notifications/read', { body: {} })))
              .then(notifications.reload)
          }
        >
          {t('home.markAllRead')}
        </button>
      )}
    </section>
  );
}
