import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';
import { de } from './de';

export const LANGUAGES = { en: 'English', fr: 'Français', de: 'Deutsch' } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOGS: Record<Language, Messages> = { en, fr, de };
/** The locale whose conventions format numbers and dates (English: day month year, 24 hours). */
export const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE' };
const STORAGE_KEY = 'devolve.language';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The keys that come in plural forms: `x.one`, `x.other` (and `x.many`, `x.two`… where a language needs them). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/**
 * The plural form of `base` for `count` in the language: the CLDR category (Intl.PluralRules) picks `base.one`,
 * `base.other`, …; a category the catalogue lacks falls back to `base.other`. `count` is passed as `{count}`.
 */
export function plural(
  catalog: Messages,
  locale: string,
  base: PluralKey,
  count: number,
  vars: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(locale).select(count);
  const key = `${base}.${category}`;
  const message = Object.prototype.hasOwnProperty.call(catalog, key)
    ? catalog[key as MessageKey]
    : catalog[`${base}.other` as MessageKey];
  return interpolate(message, { count, ...vars }, locale);
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** A message in the plural form `count` needs (`{count}` in it is the number): never "1 points". */
  tn: (base: PluralKey, count: number, vars?: Record<string, string | number>) => string;
  /** A number in the language's format; `digits` fixes the decimals shown. */
  number: (value: number, digits?: number) => string;
  percent: (share: number) => string;
  /** An instant in the language's format, with its time zone ("2 Dec 2026, 14:00 CET"). */
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
  const dates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    language,
    setLanguage,
    t: (key, vars) => interpolate(catalog[key], vars ?? {}, locale),
    tn: (base, count, vars) => plural(catalog, locale, base, count, vars),
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
