import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { components } from '../api/schema';
import { useI18n, type I18n } from '../i18n/i18n';
import { isMessageKey, type MessageKey } from '../i18n/en';
import { navigate } from '../router/router';
import { EmptyState, Region } from '../ui/states';
import { MoreButton, useMore, type Page } from '../ui/useMore';
import { useSubmit } from '../ui/useSubmit';

type Notification = components['schemas']['Notification'];

/**
 * A notification in the reader's language, from its `kind` and `params` (docs/decisions.md, "Notifications"); a kind
 * the catalogue does not know is shown as the service wrote it (its English `text`).
 */
export function noticeText(n: Notification, i18n: I18n): string {
  const { t, tn, dateTime } = i18n;
  const p: Record<string, string> = n.params ?? {};
  const title = p.title ?? '';
  const known = (key: string): key is MessageKey => isMessageKey(key);
  switch (n.kind) {
    case 'VOTING_DELAYED':
      return tn('notice.votingDelayed', Number(p.openChallenges ?? 0), { title });
    case 'PROPOSAL_CLOSED': {
      const outcome = `notice.outcome.${p.outcome ?? 'other'}`;
      return t('notice.PROPOSAL_CLOSED', { title, outcome: t(known(outcome) ? outcome : 'notice.outcome.other') });
    }
    case 'CHALLENGE_RESOLVED':
      return t(p.ruling === 'LOWERED' ? 'notice.CHALLENGE_RESOLVED.LOWERED' : 'notice.CHALLENGE_RESOLVED.UPHELD', {
        title,
        level: p.level ?? '',
      });
    case 'DELEGATION_RECEIVED':
      return p.circle
        ? t('notice.DELEGATION_RECEIVED.circle', { delegator: p.delegator ?? '', circle: p.circle })
        : t('notice.DELEGATION_RECEIVED.proposal', { delegator: p.delegator ?? '', title });
    case 'ARGUMENT_POSTED': {
      const side = `arguments.${p.side ?? ''}`;
      return t('notice.ARGUMENT_POSTED', { author: p.author ?? '', title, side: known(side) ? t(side) : '' });
    }
    case 'VOTING_CLOSING_SOON':
      return t('notice.VOTING_CLOSING_SOON', { title, endsAt: dateTime(p.endsAt) });
    case 'JOIN_REQUESTED':
      return t('notice.JOIN_REQUESTED', { requester: p.requester ?? '', circle: p.circle ?? '' });
    case 'JOIN_ACCEPTED':
      return t('notice.JOIN_ACCEPTED', { circle: p.circle ?? '' });
    case 'JOIN_DECLINED':
      return t('notice.JOIN_DECLINED', { circle: p.circle ?? '' });
    default: {
      const key = `notice.${n.kind ?? ''}`;
      return known(key) && title ? t(key, { ...p, title }) : (n.text ?? '');
    }
  }
}

/** Tells the header's bell that notifications were read (it counts again). */
export const NOTIFICATIONS_READ = 'devolve:notifications-read';
const told = () => window.dispatchEvent(new Event(NOTIFICATIONS_READ));

const PAGE = '10';

/** My notifications, newest first, ten at a time with "More" (the cursor of the last page). */
export function NotificationsPanel() {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const notifications = useLoad(
    () => call(api.GET('/api/v1/notifications', { params: { query: { limit: PAGE } } })),
    [generation],
  );
  return (
    <section className="panel" aria-labelledby="notifications">
      <h2 id="notifications">{t('home.notifications')}</h2>
      <Region loaded={notifications}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('home.noNotifications')}</EmptyState>
          ) : (
            <NotificationList key={generation} first={page} reload={() => setGeneration((g) => g + 1)} />
          )
        }
      </Region>
    </section>
  );
}

function NotificationList({ first, reload }: { first: Page<Notification, string>; reload: () => void }) {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const list = useMore(first, (cursor) =>
    call(api.GET('/api/v1/notifications', { params: { query: { limit: PAGE, cursor } } })),
  );
  const markRead = useSubmit();
  const unread = list.items.some((n) => !n.readAt);
  /** Opening a notification marks it read (then follows its link). */
  const open = (n: Notification) => {
    if (!n.readAt && n.id)
      void call(api.POST('/api/v1/notifications/read', { body: { ids: [n.id] } }))
        .then(told)
        .catch(() => null);
    if (n.proposalId) navigate(`/proposals/${n.proposalId}`);
  };
  return (
    <>
      <ul className="notifications">
        {list.items.map((n) => (
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
      <div className="notification-actions">
        <MoreButton list={list} label={t('notifications.more')} />
        {unread && (
          <button
            type="button"
            disabled={markRead.busy}
            onClick={() =>
              void markRead
                .run(() => call(api.POST('/api/v1/notifications/read', { body: {} })))
                .then(() => {
                  told();
                  reload();
                })
            }
          >
            {t('home.markAllRead')}
          </button>
        )}
      </div>
    </>
  );
}
