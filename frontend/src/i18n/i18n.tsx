import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';
import { de } from './de';

export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch' } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOGS: Record<Language, Messages> = { en, fr, de };
/** The locale whose conventions format numbers and dates (English: day month year, 24 hours). */
const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };
const STORAGE_KEY = 'devolve.language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** A number in the language's format; `digits` fixes the decimals shown. */
  number: (value: number, digits?: number) => string;
  percent: (share: number) => string;
  dateTime: (iso: string | null | undefined) => string;
}

/** Replaces `{name}` in a message by its value, formatted for the language when it is a number. */
export function interpolate(message: string, vars: Record<string, string | number>, locale: string): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

export function makeI18n(language: Language, setLanguage: (language: Language) => void): I18n {
  const catalog = CATALOGS[language];
  const locale = LOCALES[language];
  const numbers = new Map<number, Intl.NumberFormat>();
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    language,
    setLanguage,
    t: (key, vars) => interpolate(catalog[key], vars ?? {}, locale),
    number: (value, digits) => {
      const key = digits ?? -1;
      let format = numbers.get(key);
      if (!format) {
        format = new Intl.NumberFormat(
          locale,
          digits === undefined
            ? { maximumFractionDigits: 3 }
            : { minimumFractionDigits: digits, maximumFractionDigits: digits },
        );
        numbers.set(key, format);
      }
      return format.format(value);
    },
    percent: (share) => percents.format(share),
    dateTime: (iso) => (iso ? dates.format(new Date(iso)) : ''),
  };
}

function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored && stored in LANGUAGES) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return browser in LANGUAGES ? (browser as Language) : 'en';
}

const I18nContext = createContext<I18n>(makeI18n('en', () => undefined));

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const i18n = useMemo(() => makeI18n(language, setLanguage), [language, setLanguage]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
