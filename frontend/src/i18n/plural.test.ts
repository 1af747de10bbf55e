import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { makeI18n } from './i18n';

const catalogs = { en, fr, de };

describe('plural forms', () => {
  it('never says “1 points”, and follows each language’s rules (French 0 is singular)', () => {
    const english = makeI18n('en', () => undefined);
    expect(english.tn('stake.costs', 1, { level: 1 })).toBe('Level 1 costs 1 point.');
    expect(english.tn('stake.costs', 4, { level: 2 })).toBe('Level 2 costs 4 points.');
    expect(english.tn('stake.leftAfterConfirming', 0)).toBe('0 points left this period after confirming.');
    const french = makeI18n('fr', () => undefined);
    expect(french.tn('stake.leftAfterConfirming', 0)).toBe('0 point restant pour cette période après confirmation.');
    expect(french.tn('stake.costs', 25, { level: 5 })).toBe('Le niveau 5 coûte 25 points.');
    expect(makeI18n('de', () => undefined).tn('stake.costs', 1, { level: 1 })).toBe('Stufe 1 kostet 1 Punkt.');
  });

  it('falls back to the “other” form for a category the catalogue does not spell out (French “many”)', () => {
    expect(makeI18n('fr', () => undefined).tn('stake.costs', 1_000_000, { level: 5 })).toMatch(/1.000.000 points/);
  });

  it.each(Object.entries(catalogs))('%s has an “other” form for every plural message', (_, catalog) => {
    for (const key of Object.keys(catalog)) {
      if (key.endsWith('.one')) expect(catalog, key).toHaveProperty([key.replace(/\.one$/, '.other')]);
    }
  });

  it('writes no doubled unit: a percentage is followed by one % sign', () => {
    const english = makeI18n('en', () => undefined);
    expect(english.t('rules.quorumValue', { percent: 25, heads: 3 })).toBe('25% of declared weight, and 3 voters');
    for (const catalog of Object.values(catalogs)) {
      for (const [key, message] of Object.entries(catalog)) expect(message, key).not.toMatch(/%\s*%/);
    }
  });
});

describe('times', () => {
  it('show their time zone', () => {
    const when = '2026-12-02T13:00:00Z';
    for (const language of ['en', 'fr', 'de'] as const) {
      const text = makeI18n(language, () => undefined).dateTime(when);
      expect(text, language).toMatch(/UTC|GMT|CET|MEZ|[A-Z]{3,4}$|[+−-]\d/);
      expect(text, language).toMatch(/2026/);
    }
  });
});
