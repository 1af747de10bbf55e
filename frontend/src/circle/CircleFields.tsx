import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { CircleKind } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { KIND_KEYS } from './kinds';

/** What a circle says of itself: the fields that creating and editing a circle share. */
export interface CircleText {
  name: string;
  kind: CircleKind;
  description: string;
}

/** The name, kind and description of a circle as form fields; `afterName` goes between the name and the kind. */
export function CircleFields({
  value,
  onChange,
  error,
  afterName,
}: {
  value: CircleText;
  onChange: (value: CircleText) => void;
  error: ApiError | null;
  afterName?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('circle.name')} field="name" error={error} max={200}>
        <input value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} required />
      </Field>
      {afterName}
      <Field label={t('circle.kind')} field="kind" error={error}>
        <select value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as CircleKind })}>
          {Object.entries(KIND_KEYS).map(([k, key]) => (
            <option key={k} value={k}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        label={t('circle.description')}
        hint={t('form.markdownHint')}
        field="description"
        error={error}
        max={10000}
      >
        <textarea
          value={value.description}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
          rows={5}
        />
      </Field>
    </>
  );
}
