import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { interpolate } from './i18n';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it.each([
    ['fr', fr],
    ['de', de],
  ])('%s has every English message, with the same placeholders', (_, catalog) => {
    for (const [key, message] of Object.entries(en)) {
      const translated = catalog[key as keyof typeof en];
      expect(translated, key).toBeTruthy();
      expect(placeholders(translated), key).toEqual(placeholders(message));
    }
  });

  it('formats numbers for the language', () => {
    expect(interpolate('{n} points', { n: 1234.5 }, 'en')).toBe('1,234.5 points');
    expect(interpolate('{n} points', { n: 1234.5 }, 'de')).toBe('1.234,5 points');
    expect(interpolate('{name} et {missing}', { name: 'Bob' }, 'fr')).toBe('Bob et {missing}');
  });
});
