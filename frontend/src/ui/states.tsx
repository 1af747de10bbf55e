import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Loaded } from '../api/useLoad';
import { isMessageKey, type MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { problemCode, problemText, violationText } from '../i18n/problems';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('state.loading')}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** Whether trying again can help: the network, the service's own failure, a rate limit. */
const retryable = (error: ApiError) => error.status === 0 || error.status >= 500 || error.status === 429;

/**
 * A refused or failed request, said in the reader's language. A refusal the catalogue explains ("Voting has
 * closed") is a calm notice; only an unexpected failure is an alert with the request id to quote and *Try again*.
 */
export function ErrorState({ error, retry }: { error: ApiError; retry?: () => void }) {
  const i18n = useI18n();
  const { message, unexpected } = problemText(error.problem, i18n);
  const serious = unexpected || retryable(error);
  return (
    <div className={serious ? 'state state-error' : 'state state-notice'} role={serious ? 'alert' : 'status'}>
      <p>
        <strong>{message}</strong>
      </p>
      {serious && error.problem.requestId && (
        <p className="muted small">{i18n.t('error.requestId', { id: error.problem.requestId })}</p>
      )}
      {retry && retryable(error) && (
        <button type="button" onClick={retry}>
          {i18n.t('action.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders a loaded region: a loading line, an error with retry, or the content. */
export function Region<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T> & { reload: () => void };
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === 'loading') return <LoadingState />;
  if (loaded.state === 'error') return <ErrorState error={loaded.error} retry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
}

/** The validation messages of one field, in the reader's language, tied to its input by id (aria-describedby). */
export function FieldErrors({ id, error, field }: { id: string; error: ApiError | null; field: string }) {
  const i18n = useI18n();
  const messages = (error?.fieldViolations(field) ?? []).map((v) => violationText(v, i18n));
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join(' ')}
    </p>
  );
}

/** Labels of fields that are named in a violation but have no control of their own in the form. */
const FIELD_LABELS: Record<string, MessageKey> = {
  note: 'phase.note',
  reason: 'stake.reason',
  answer: 'challenge.answerLabel',
  body: 'arguments.body',
  side: 'arguments.side',
  groupId: 'stake.group',
  level: 'stake.level',
  phase: 'phase.steering',
  deliberationEndsAt: 'new.deliberationEnds',
  votingEndsAt: 'new.votingEnds',
  affectedGroups: 'new.stepGroups',
  options: 'rules.options',
  stance: 'vote.stanceLegend',
  choice: 'vote.choiceLegend',
  approvals: 'vote.approvalLegend',
  scores: 'vote.scoreLegend',
  allocation: 'vote.allocationLegend',
  ranking: 'vote.rankingLegend',
};

/**
 * The message of a refused form. For a validation problem: which fields to correct, by their labels (each field
 * shows its own reason beside it), and the reasons of fields that have no control in this form; never the
 * service's "N fields are not valid". Otherwise the problem in words.
 */
export function FormError({ error }: { error: ApiError | null }) {
  const i18n = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Map<string, string>>(new Map());
  useLayoutEffect(() => {
    const form = box.current?.closest('form') ?? box.current?.parentElement;
    const fields = new Map<string, string>();
    form?.querySelectorAll<HTMLElement>('[data-field]').forEach((el) => {
      const label = el.dataset['label'] ?? el.querySelector('label, legend')?.textContent ?? '';
      fields.set(el.dataset['field'] ?? '', label);
    });
    // measuring the form's fields after it is drawn, as one measures layout: the one render more is the point
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setShown(fields);
  }, [error]);
  if (!error) return <div ref={box} hidden />;
  const violations = error.problem.errors ?? [];
  if (problemCode(error.problem) !== 'VALIDATION_FAILED' || violations.length === 0) {
    return (
      <div ref={box} className="form-error" tabIndex={-1}>
        <ErrorState error={error} />
      </div>
    );
  }
  const marked = [...new Set(violations.filter((v) => shown.has(v.field ?? '')).map((v) => shown.get(v.field!)!))];
  const elsewhere = violations.filter((v) => !shown.has(v.field ?? ''));
  const labelOf = (field: string) => {
    const base = field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
    const key = FIELD_LABELS[field] ?? FIELD_LABELS[base];
    return key && isMessageKey(key) ? i18n.t(key) : null;
  };
  return (
    <div ref={box} className="form-error state state-error" role="alert" tabIndex={-1}>
      {marked.length > 0 && <p>{i18n.t('form.correct', { fields: marked.join(', ') })}</p>}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((v, i) => {
            const label = labelOf(v.field ?? '');
            const text = violationText(v, i18n);
            return <li key={i}>{label ? i18n.t('form.fieldSays', { label, text }) : text}</li>;
          })}
        </ul>
      )}
    </div>
  );
}
