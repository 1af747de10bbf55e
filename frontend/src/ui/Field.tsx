import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import type { ApiError } from '../api/client';
import { FieldErrors } from './states';

/**
 * A labelled form control with its hint and the service's validation messages for `field`, tied to the
 * control with aria-describedby and aria-invalid. Once the person edits the control, its messages give way
 * (the next answer of the service brings them back if they still hold).
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
  const [editedAfter, setEditedAfter] = useState<ApiError | null>(null);
  const invalid = (error?.fieldErrors(field).length ?? 0) > 0 && editedAfter !== error;
  const described = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={invalid ? 'field invalid' : 'field'} onChange={() => error && setEditedAfter(error)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': invalid || undefined })}
      <FieldErrors id={`${id}-error`} error={invalid ? error : null} field={field} />
    </div>
  );
}
