import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { Loaded } from '../api/useLoad';
import { isMessageKey, type MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';

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

/** A refused or failed request, said in words, with the request id to quote and a way to try again. */
export function ErrorState({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  const title =
    error.status === 0
      ? t('error.network')
      : error.status === 403
        ? t('error.forbidden')
        : error.status === 404
          ? t('error.notFound')
          : t('error.generic');
  return (
    <div className="state state-error" role="alert">
      <p>
        <strong>{title}</strong> {error.problem.detail}
      </p>
      {error.problem.requestId && (
        <p className="muted small">{t('error.requestId', { id: error.problem.requestId })}</p>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          {t('action.retry')}
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

/** The validation messages of one field, tied to its input by id (aria-describedby). */
export function FieldErrors({ id, error, field }: { id: string; error: ApiError | null; field: string }) {
  const { t } = useI18n();
  // the reasons that need no numbers are said in the reader's language; the others as the service says them
  const messages = (error?.fieldViolations(field) ?? []).map((v) =>
    v.code && isMessageKey(`violation.${v.code}`)
      ? t(`violation.${v.code}` as MessageKey)
      : (v.message ?? v.code ?? ''),
  );
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {messages.join('; ')}
    </p>
  );
}

/** The message of a refused form, when no field explains it. */
export function FormError({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return <ErrorState error={error} />;
}
