import { NotificationsPanel } from '../home/NotificationsPanel';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { usePageTitle } from '../ui/usePageTitle';

/** Where the header's bell leads: all my notifications, page by page. */
export function NotificationsScreen() {
  const { t } = useI18n();
  usePageTitle(t('home.notifications'));
  return (
    <>
      <h1>{t('home.notifications')}</h1>
      <p>
        <Link to="/settings/mail">{t('mailSettings.link')}</Link>
      </p>
      <NotificationsPanel />
    </>
  );
}
