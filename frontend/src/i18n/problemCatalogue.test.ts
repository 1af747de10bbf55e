import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en, isMessageKey } from './en';
import { fr } from './fr';

/**
 * Every refusal the service documents (docs/problems.md, which the service's own catalogue test keeps equal to
 * its enums) has its sentence in each language, so that nothing the server sends reaches a French or German
 * reader in English: problems by `problem.CODE`, field violations by `violation.CODE`.
 */
const problems = readFileSync(resolve(__dirname, '../../../docs/problems.md'), 'utf8');

/** The codes of the table that follows `heading` (first column, in backticks; a cell may list several). */
function codesAfter(heading: RegExp): string[] {
  const start = problems.search(heading);
  expect(start, String(heading)).toBeGreaterThanOrEqual(0);
  const codes: string[] = [];
  let inTable = false;
  for (const line of problems.slice(start).split('\n').slice(1)) {
    if (line.startsWith('|')) {
      inTable = true;
      const first = line.split('|')[1] ?? '';
      codes.push(...[...first.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
    } else if (inTable) {
      break;
    }
  }
  return codes;
}

/** Said by the status alone, in every language: the HTTP layer's own refusals and our own failures. */
const byStatus = new Set(['INTERNAL_ERROR', 'METHOD_NOT_ALLOWED', 'NOT_ACCEPTABLE', 'UNSUPPORTED_MEDIA_TYPE']);

describe('what the server refuses is said in every language', () => {
  const problemCodes = codesAfter(/^Every error of the API/m);
  const violationCodes = [
    ...codesAfter(/^The `errors` of a `VALIDATION_FAILED` problem/m),
    ...codesAfter(/^Each feature's own codes/m),
  ];

  it('reads the catalogue', () => {
    expect(problemCodes).toContain('WRONG_PHASE');
    expect(violationCodes).toContain('BEFORE_DELIBERATION_ENDS');
  });

  it('has a sentence for every problem code', () => {
    const said = (c: string) => isMessageKey(`problem.${c}`) || isMessageKey(`problem.${c}.one`);
    const missing = problemCodes.filter((c) => !byStatus.has(c) && !said(c));
    expect(missing).toEqual([]);
    for (const code of problemCodes.filter((c) => !byStatus.has(c))) {
      const key = `problem.${code}` as keyof typeof en;
      if (!(key in en)) continue; // a plural key (problem.CODE.one / .other)
      expect(fr[key], `fr ${key}`).not.toEqual(en[key]);
      expect(de[key], `de ${key}`).not.toEqual(en[key]);
    }
  });

  it('has a sentence for every violation code', () => {
    expect(violationCodes.filter((c) => !isMessageKey(`violation.${c}`))).toEqual([]);
  });
});
