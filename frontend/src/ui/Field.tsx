import { useId, useState, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';
import type { ApiError } from '../api/client';
import { CharCounter } from './CharCounter';
import { FieldErrors } from './states';

/**
 * A labelled form control with its hint and the service's validation messages for `field`, tied to the
 * control with aria-describedby and aria-invalid. Once the person edits the control, its messages give way
 * (the next answer of the service brings them back if they still hold). With `max`, a counter ("120 / 200")
 * stands under the control and the control is marked invalid once the text is longer: nothing is cut.
 */
export function Field({
  label,
  hint,
  field,
  error,
  max,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  field: string;
  error: ApiError | null;
  max?: number;
  children: ReactElement<Record<string, unknown>>;
}) {
  const id = useId();
  const [editedAfter, setEditedAfter] = useState<ApiError | null>(null);
  const serverInvalid = (error?.fieldErrors(field).length ?? 0) > 0 && editedAfter !== error;
  const value = children.props['value'];
  const length = typeof value === 'string' ? value.length : 0;
  const tooLong = max !== undefined && length > max;
  const invalid = serverInvalid || tooLong;
  const described =
    [hint ? `${id}-hint` : null, serverInvalid ? `${id}-error` : null, max !== undefined ? `${id}-count` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div
      className={invalid ? 'field invalid' : 'field'}
      data-field={field}
      onChange={() => error && setEditedAfter(error)}
    >
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': invalid || undefined })}
      <FieldErrors id={`${id}-error`} error={serverInvalid ? error : null} field={field} />
      {max !== undefined && <CharCounter id={`${id}-count`} length={length} max={max} />}
    </div>
  );
}
