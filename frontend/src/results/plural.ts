import { isMessageKey, type MessageKey } from '../i18n/en';
import type { I18n } from '../i18n/i18n';

/** The catalogue keys that come in plural forms: `x.one`, `x.other` (and `x.zero`, `x.few`… where a language needs them). */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

/**
 * A message whose words follow a count, by the language's plural rules (Intl.PluralRules: French says
 * "0 entrée", English "0 entries"): the form `key.<rule>` where the catalogue has it, else `key.other`.
 * `count` is also given to the message as {count}. (A small local helper of the results and ledger screens.)
 */
export function plural(
  { t, language }: Pick<I18n, 't' | 'language'>,
  key: PluralKey,
  count: number,
  vars: Record<string, string | number> = {},
): string {
  const rule = new Intl.PluralRules(language).select(count);
  const form = `${key}.${rule}`;
  return t(isMessageKey(form) ? form : (`${key}.other` as MessageKey), { count, ...vars });
}
