import { useState } from 'react';
import { api, call } from '../api/client';
import type { CircleKind } from '../api/types';
import { KIND_KEYS } from '../circle/kinds';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { Field } from '../ui/Field';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/** Admins create circles; the creator becomes its first facilitator. */
export function NewCircleScreen() {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [kind, setKind] = useState<CircleKind>('COOPERATIVE');
  const [description, setDescription] = useState('');
  const submit = useSubmit();

  const create = async () => {
    const circle = await call(api.POST('/api/v1/circles', { body: { name, kind, description, ...(slug ? { slug } : {}) } }));
    navigate(`/circles/${circle.slug}`);
  };

  return (
    <section aria-labelledby="new-circle">
      <h1 id="new-circle">{t('circle.create')}</h1>
      <form
        className="form"
        noValidate
        onSubmit={submit.onSubmit(create)}
      >
        <Field label={t('circle.name')} field="name" error={submit.error}>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </Field>
        <Field label={t('circle.slug')} hint={t('circle.slugHint')} field="slug" error={submit.error}>
          <input value={slug} onChange={(e) => setSlug(e.target.value)} maxLength={64} />
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
          {t('circle.createSubmit')}
        </button>
      </form>
    </section>
  );
}
