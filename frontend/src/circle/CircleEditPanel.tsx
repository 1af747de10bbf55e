import { useState } from 'react';
import { api, call } from '../api/client';
import type { Circle } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { CircleFields, type CircleText } from './CircleFields';

/** Facilitators and admins change the circle's name, kind and description (its short name stays, links keep working). */
export function CircleEditPanel({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState<CircleText>({
    name: circle.name ?? '',
    kind: circle.kind ?? 'OTHER',
    description: circle.description ?? '',
  });
  const submit = useSubmit();
  return (
    <details className="panel">
      <summary>{t('circle.edit')}</summary>
      <form
        className="form compact"
        noValidate
        onSubmit={submit.onSubmit(
          () => call(api.PUT('/api/v1/circles/{circle}', { params: { path: { circle: circle.id! } }, body: text })),
          onChange,
        )}
      >
        <CircleFields value={text} onChange={setText} error={submit.error} />
        <FormError error={submit.error} />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('action.save')}
        </button>
      </form>
    </details>
  );
}
