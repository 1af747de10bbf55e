import { useState } from 'react';
import { api, call } from '../api/client';
import type { Circle, CircleKind } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { KIND_KEYS } from './kinds';

/** Facilitators and admins change the circle's name, kind and description (its short name stays, links keep working). */
export function CircleEditPanel({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(circle.name ?? '');
  const [kind, setKind] = useState<CircleKind>(circle.kind ?? 'OTHER');
  const [description, setDescription] = useState(circle.description ?? '');
  const submit = useSubmit();
  return (
    <details className="panel">
      <summary>{t('circle.edit')}</summary>
      <form
        className="form compact"
        noValidate
        onSubmit={submit.onSubmit(
          () => call(api.PUT('/api/v1/circles/{circle}', { params: { path: { circle: circle.id! } }, body: { name, kind, description } })),
          onChange,
        )}
      >
        <Field label={t('circle.name')} field="name" error={submit.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </Field>
        <Field label={t('circle.kind')} field="kind" error={submit.error}>
          <select value={kind} onChange={(e) => setKind(e.target.value as CircleKind)}>
            {Object.entries(KIND_KEYS).map(([k, key]) => (
              <option key={k} value={k}>
                {t(key)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('circle.description')} hint={t('form.markdownHint')} field="description" error={submit.error}>
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={5} />
        </Field>
        <FormError error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('action.save')}
        </button>
      </form>
    </details>
  );
}
