import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { Markdown } from '../ui/Markdown';
import type { StepProps } from './step';

export function TextStep({ draft, set, error }: StepProps) {
  const { t } = useI18n();
  const [preview, setPreview] = useState(false);
  return (
    <fieldset className="step">
      <legend>{t('new.stepText')}</legend>
      <Field label={t('new.title')} field="title" error={error} max={200}>
        <input value={draft.title} onChange={(e) => set({ title: e.target.value })} required />
      </Field>
      <Field label={t('new.summary')} hint={t('new.summaryHint')} field="summary" error={error} max={1000}>
        <textarea value={draft.summary} onChange={(e) => set({ summary: e.target.value })} rows={2} />
      </Field>
      <div className="tabs" role="group" aria-label={t('new.body')}>
        <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
          {t('new.write')}
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
          {t('new.preview')}
        </button>
      </div>
      {preview ? (
        <div className="markdown-preview" aria-label={t('new.preview')} role="region">
          {draft.body ? <Markdown text={draft.body} /> : <p className="muted">{t('new.previewEmpty')}</p>}
        </div>
      ) : (
        <Field label={t('new.body')} hint={t('form.markdownHint')} field="body" error={error} max={50000}>
          <textarea value={draft.body} onChange={(e) => set({ body: e.target.value })} rows={8} />
        </Field>
      )}
    </fieldset>
  );
}
