import { useI18n } from '../i18n/i18n';
import { usePageTitle } from '../ui/usePageTitle';

export function SignInScreen({ signIn }: { signIn: () => Promise<void> }) {
  const { t } = useI18n();
  usePageTitle(t('auth.signIn'));
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.lead')}</p>
      <ul className="principles">
        <li>{t('signIn.principle1')}</li>
        <li>{t('signIn.principle2')}</li>
        <li>{t('signIn.principle3')}</li>
      </ul>
      <button type="button" className="primary" onClick={() => void signIn()}>
        {t('auth.signIn')}
      </button>
    </section>
  );
}
