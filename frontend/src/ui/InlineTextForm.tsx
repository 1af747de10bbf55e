import { useId, useState } from 'react';
import type { ApiError } from '../api/client';
import { CharCounter, overLimit } from './CharCounter';
import { FieldErrors, FormError } from './states';

/** Challenges and answers: at most 2000 characters (openapi.yaml). */
const MAX = 2000;
import { useSubmit } from './useSubmit';
import { useI18n } from '../i18n/i18n';

/** A button that opens a one-field text form (challenge, answer, …) and sends it. */
export function InlineTextForm({
  open,
  label,
  submitLabel,
  field,
  send,
  onSent,
}: {
  open: string;
  label: string;
  submitLabel: string;
  field: string;
  send: (text: string) => Promise<unknown>;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [shown, setShown] = useState(false);
  const [text, setText] = useState('');
  const submit = useSubmit();
  if (!shown) {
    return (
      <button type="button" className="small" onClick={() => setShown(true)}>
        {open}
      </button>
    );
  }
  const error: ApiError | null = submit.error;
  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={submit.onSubmit(
        () => send(text),
        () => {
          setShown(false);
          setText('');
          onSent();
        },
      )}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
        autoFocus
        aria-describedby={`${id}-count ${id}-error`}
        aria-invalid={overLimit(text, MAX) || (error?.fieldErrors(field).length ?? 0) > 0 || undefined}
      />
      <CharCounter id={`${id}-count`} length={text.length} max={MAX} />
      <FieldErrors id={`${id}-error`} error={error} field={field} />
      <FormError error={error} />
      <div className="actions">
        <button
          type="submit"
          className="small primary"
          disabled={submit.busy || text.trim() === '' || overLimit(text, MAX)}
        >
          {submitLabel}
        </button>
        <button type="button" className="small" onClick={() => setShown(false)}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
