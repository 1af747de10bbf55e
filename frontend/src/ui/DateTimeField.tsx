import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import { LOCALES, useI18n } from '../i18n/i18n';
import { Field } from './Field';

/** The browser's time zone, as the picker's local time is read in it ("Europe/Paris"). */
export const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A date and time picker (datetime-local, in the browser's time zone). The browser draws the picker in its own
 * language, so the chosen instant is also written out beside it in the UI's language, with its time zone.
 */
export function DateTimeField({
  label,
  hint,
  field,
  error,
  value,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  field: string;
  error: ApiError | null;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, language, dateTime } = useI18n();
  const chosen = value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : null;
  return (
    <Field
      label={label}
      field={field}
      error={error}
      hint={
        <>
          {hint}
          {hint && ' '}
          <span className="chosen-instant">
            {chosen ? t('datetime.chosen', { when: dateTime(chosen) }) : t('datetime.zone', { zone: timeZone() })}
          </span>
        </>
      }
    >
      <input type="datetime-local" lang={LOCALES[language]} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
