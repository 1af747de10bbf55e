import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link, usePath } from '../router/router';
import { NOTIFICATIONS_READ } from './NotificationsPanel';

/** How often the bell asks for the unread count while the tab is open. */
export const BELL_EVERY_MS = 60_000;

/**
 * The header's bell: how many of my notifications are unread, asked again on every screen change, every minute
 * and when notifications are read; it opens the notifications list.
 */
export function NotificationBell() {
  const { tn, number } = useI18n();
  const path = usePath();
  const [count, setCount] = useState<number | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const every = window.setInterval(() => setTick((n) => n + 1), BELL_EVERY_MS);
    const read = () => setTick((n) => n + 1);
    window.addEventListener(NOTIFICATIONS_READ, read);
    return () => {
      window.clearInterval(every);
      window.removeEventListener(NOTIFICATIONS_READ, read);
    };
  }, []);
  useEffect(() => {
    let current = true;
    call(api.GET('/api/v1/notifications/unread-count')).then(
      (answer) => current && setCount(answer.count ?? 0),
      () => undefined, // the bell keeps its last count; the screens say what failed
    );
    return () => {
      current = false;
    };
  }, [path, tick]);
  const unread = count ?? 0;
  return (
    <Link to="/notifications" className="bell" aria-label={tn('bell.unread', unread)}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {number(unread > 99 ? 99 : unread)}
          {unread > 99 ? '+' : ''}
        </span>
      )}
    </Link>
  );
}
