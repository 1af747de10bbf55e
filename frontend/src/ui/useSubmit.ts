import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';

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
  /** A form's submit handler: runs `action`, then `done` if it was accepted. */
  const onSubmit = (action: () => Promise<unknown>, done?: () => void) => (event: FormEvent) => {
    event.preventDefault();
    void run(action).then((ok) => ok && done?.());
  };
  return { busy, error, run, onSubmit };
}
