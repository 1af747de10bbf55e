import { LANGUAGES, useI18n, type Language } from './i18n';

export function LanguagePicker() {
  const { language, setLanguage, t } = useI18n();
  return (
    <span className="language-picker">
      <label htmlFor="language" className="visually-hidden">
        {t('nav.language')}
      </label>
      <select id="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </span>
  );
}
