import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';

/**
 * After a refusal, takes the reader to what needs correcting: the first invalid field of the form, or else its
 * error message, scrolled into view and focused (once React has drawn the field errors).
 */
export function focusFirstProblem(form: HTMLElement | null): void {
  if (!form) return;
  setTimeout(() => {
    const target =
      form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>('.form-error');
    if (!target) return;
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
  }, 0);
}

/** Runs a write request for a form: `busy` while it runs, the refusal (with its field errors) if any. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(ApiError.from(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** A form's submit handler: runs `action`, then `done` if it was accepted; if not, focuses the first problem. */
  const onSubmit = (action: () => Promise<unknown>, done?: () => void) => (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget instanceof HTMLElement ? event.currentTarget : null;
    void run(action).then((ok) => (ok ? done?.() : focusFirstProblem(form)));
  };
  return { busy, error, run, onSubmit };
}
