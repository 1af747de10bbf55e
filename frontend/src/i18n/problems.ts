import type { Problem } from '../api/types';
import { isMessageKey, type MessageKey } from './en';
import type { I18n, PluralKey } from './i18n';

/** A refusal of the service said in the reader's language. */
export interface ProblemText {
  /** The sentence: from the problem's code (its `type`), never the service's English `detail` outside English. */
  message: string;
  /** No translation exists (or the service failed): the request id is worth quoting. */
  unexpected: boolean;
}

/** The reason code of a problem: its `code`, or its `type` (`/problems/wrong-phase` → `WRONG_PHASE`). */
export function problemCode(problem: Problem): string | null {
  if (problem.code) return problem.code;
  const tail = problem.type?.split('/').pop();
  return tail ? tail.replace(/-/g, '_').toUpperCase() : null;
}

const extension = (problem: Problem, name: string): unknown => (problem as Record<string, unknown>)[name];

/** Says a problem in words: by its code where the catalogue has it, by its status otherwise. */
export function problemText(problem: Problem, i18n: I18n): ProblemText {
  const { t, tn, language } = i18n;
  const status = problem.status ?? 0;
  if (status === 0) {
    // a network failure, or the sign-in layer's own reason (which is for whoever runs the service)
    const reason = problem.title === 'network' ? '' : (problem.detail ?? '');
    return { message: [t('error.network'), reason].filter(Boolean).join(' '), unexpected: reason !== '' };
  }
  const code = problemCode(problem);
  if (code === 'OPEN_CHALLENGES') {
    const count = Number(extension(problem, 'openChallenges') ?? 0);
    return { message: tn('problem.OPEN_CHALLENGES' as PluralKey, count), unexpected: false };
  }
  const key = `problem.${code}`;
  if (code && status < 500 && isMessageKey(key)) {
    const phase = extension(problem, 'phase');
    const vars: Record<string, string | number> = {
      phase: typeof phase === 'string' && isMessageKey(`phase.${phase}`) ? t(`phase.${phase}` as MessageKey) : '',
      level: Number(extension(problem, 'levelAllowed') ?? 0),
      left: Number(extension(problem, 'budgetLeft') ?? 0),
      cost: Number(extension(problem, 'cost') ?? 0),
    };
    return { message: t(key, vars), unexpected: false };
  }
  const generic =
    status === 403
      ? t('error.forbidden')
      : status === 404
        ? t('error.notFound')
        : status === 503
          ? t('problem.SERVICE_UNAVAILABLE')
          : t('error.generic');
  // the service speaks English: its own words are shown only to English readers
  const detail = language === 'en' && status < 500 && problem.detail ? problem.detail : '';
  return { message: [generic, detail].filter(Boolean).join(' '), unexpected: true };
}

/** One violation of a field, said beside the field (no field name: the label is right above). */
export function violationText(violation: { code?: string | undefined; message?: string | undefined }, i18n: I18n) {
  const key = `violation.${violation.code ?? ''}`;
  if (isMessageKey(key)) return i18n.t(key);
  return i18n.language === 'en' && violation.message ? violation.message : i18n.t('violation.other');
}
