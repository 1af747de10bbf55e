import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { components } from '../api/schema';
import { useI18n, type I18n } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/en';
import { navigate } from '../router/router';
import { EmptyState, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

type Notification = components['schemas']['Notification'];

/** The outcome words the service puts after "is decided: " (until it sends the outcome as a field). */
const OUTCOMES: Record<string, string> = {
  adopted: 'ADOPTED',
  rejected: 'REJECTED',
  'no quorum was reached': 'NO_QUORUM',
};

/**
 * A notification in the reader's language, from its `kind`. The service sends no parameters yet, only its English
 * `text`, so the proposal's title (between “ and ”) and the outcome are read from that text; a kind the catalogue
 * does not know is shown as the service wrote it.
 */
export function noticeText(n: Notification, i18n: I18n): string {
  const { t, tn } = i18n;
  const text = n.text ?? '';
  const key = `notice.${n.kind ?? ''}`;
  const open = text.indexOf('“');
  const close = text.lastIndexOf('”');
  const title = open >= 0 && close > open ? text.slice(open + 1, close) : '';
  if (n.kind === 'VOTING_DELAYED') {
    const count = Number(/ (\d+) stake challenge/.exec(text)?.[1] ?? 0);
    return tn('notice.votingDelayed', count, { title });
  }
  if (!isMessageKey(key) || !title) return text;
  const outcome = OUTCOMES[text.slice(text.lastIndexOf(': ') + 2)];
  const outcomeKey = `notice.outcome.${outcome ?? 'other'}`;
  return t(key as MessageKey, {
    title,
    outcome: isMessageKey(outcomeKey) ? t(outcomeKey) : t('notice.outcome.other'),
  });
}

export function NotificationsPanel() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const notifications = useLoad(
    () => call(api.GET('/api/v1/notifications', { params: { query: { limit: '10' } } })),
    [],
  );
  const markRead = useSubmit();
  const unread = notifications.state === 'ready' && (notifications.data.items ?? []).some((n) => !n.readAt);
  /** Opening a notification marks it read (then follows its link). */
  const open = (n: Notification) => {
    if (!n.readAt && n.id)
      void call(api.POST('/api/v1/notifications/read', { body: { ids: [n.id] } })).catch(() => null);
    if (n.proposalId) navigate(`/proposals/${n.proposalId}`);
  };
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
                  {n.proposalId ? (
                    <a
                      href={`/proposals/${n.proposalId}`}
                      onClick={(event) => {
                        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                        event.preventDefault();
                        open(n);
                      }}
                    >
                      {noticeText(n, i18n)}
                    </a>
                  ) : (
                    noticeText(n, i18n)
                  )}
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
