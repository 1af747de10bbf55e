import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import type { ApiError } from '../api/client';
import { FieldErrors } from './states';

/**
 * A labelled form control with its hint and the service's validation messages for `field`, tied to the
 * control with aria-describedby and aria-invalid.
 */
export function Field({
  label,
  hint,
  field,
  error,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  field: string;
  error: ApiError | null;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const invalid = (error?.fieldErrors(field).length ?? 0) > 0;
  const described = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': invalid || undefined })}
      <FieldErrors id={`${id}-error`} error={error} field={field} />
    </div>
  );
}
