import { useState } from 'react';
import { api, call } from '../api/client';
import { CircleFields, type CircleText } from '../circle/CircleFields';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { Field } from '../ui/Field';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { usePageTitle } from '../ui/usePageTitle';

/** Admins create circles; the creator becomes its first facilitator. */
export function NewCircleScreen() {
  const { t } = useI18n();
  const [text, setText] = useState<CircleText>({ name: '', kind: 'COOPERATIVE', description: '' });
  const [slug, setSlug] = useState('');
  const submit = useSubmit();

  const create = async () => {
    const circle = await call(api.POST('/api/v1/circles', { body: { ...text, ...(slug ? { slug } : {}) } }));
    navigate(`/circles/${circle.slug}`);
  };

  usePageTitle(t('circle.create'));
  return (
    <section aria-labelledby="new-circle">
      <h1 id="new-circle">{t('circle.create')}</h1>
      <form className="form" noValidate onSubmit={submit.onSubmit(create)}>
        <CircleFields
          value={text}
          onChange={setText}
          error={submit.error}
          afterName={
            <Field label={t('circle.slug')} hint={t('circle.slugHint')} field="slug" error={submit.error} max={64}>
              <input value={slug} onChange={(e) => setSlug(e.target.value)} />
            </Field>
          }
        />
        <FormError error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('circle.createSubmit')}
        </button>
      </form>
    </section>
  );
}
