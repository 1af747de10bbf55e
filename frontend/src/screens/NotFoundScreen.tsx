import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { usePageTitle } from '../ui/usePageTitle';

export function NotFoundScreen() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <section aria-labelledby="not-found">
      <h1 id="not-found">{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
