import type { Method } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { METHOD_KEYS } from '../proposal/ProposalRules';
import { Field } from '../ui/Field';
import { FieldErrors } from '../ui/states';
import type { StepProps } from './step';

export function MethodStep({ draft, set, error }: StepProps) {
  const { t } = useI18n();
  const options = draft.options;
  const setOption = (i: number, label: string) => set({ options: options.map((o, j) => (j === i ? label : o)) });
  return (
    <fieldset className="step">
      <legend>{t('new.stepMethod')}</legend>
      <Field label={t('rules.method')} hint={t(`methodHelp.${draft.method}`)} field="method" error={error}>
        <select value={draft.method} onChange={(e) => set({ method: e.target.value as Method })}>
          {Object.entries(METHOD_KEYS).map(([m, key]) => (
            <option key={m} value={m}>
              {t(key)}
            </option>
          ))}
        </select>
      </Field>
      {draft.method !== 'APPROVE_REJECT' && (
        <div className="options-editor" data-field="options" data-label={t('rules.options')}>
          <h3>{t('rules.options')}</h3>
          <FieldErrors id="options-error" error={error} field="options" />
          <ol>
            {options.map((label, i) => (
              <li key={i}>
                <Field label={t('new.option', { n: i + 1 })} field={`options[${i}]`} error={error} max={200}>
                  <input value={label} onChange={(e) => setOption(i, e.target.value)} />
                </Field>
                {options.length > 2 && (
                  <button
                    type="button"
                    className="small"
                    onClick={() => set({ options: options.filter((_, j) => j !== i) })}
                  >
                    {t('new.removeOption', { n: i + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {options.length < 20 && (
            <button type="button" onClick={() => set({ options: [...options, ''] })}>
              {t('new.addOption')}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
