import { useI18n } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { FieldErrors } from '../ui/states';
import { PolicyExplainer } from '../weighting/PolicyExplainer';
import { PolicyRobustness } from '../weighting/PolicyRobustness';
import { POLICIES } from '../weighting/policies';
import type { StepProps } from './step';

export function WeightingStep({ draft, set, error }: StepProps) {
  const { t } = useI18n();
  return (
    <fieldset className="step">
      <legend>{t('new.stepWeighting')}</legend>
      <p className="hint">{t('new.weightingHint')}</p>
      <div className="policy-choices">
        {POLICIES.map((p) => (
          <label key={p} className={draft.policy === p ? 'policy-choice selected' : 'policy-choice'}>
            <input
              type="radio"
              name="policy"
              value={p}
              checked={draft.policy === p}
              onChange={() => set({ policy: p })}
            />{' '}
            {t(`policy.${p}`, { cap: draft.cap })}
          </label>
        ))}
      </div>
      <FieldErrors id="policy-error" error={error} field="weighting" />
      {draft.policy === 'CAPPED' && (
        <Field label={t('new.cap')} field="weighting.cap" error={error}>
          <input
            type="number"
            min={1}
            max={5}
            value={draft.cap}
            onChange={(e) => set({ cap: Number(e.target.value) })}
          />
        </Field>
      )}
      <PolicyExplainer policy={draft.policy} cap={draft.cap} />
      <PolicyRobustness policy={draft.policy} cap={draft.cap} />
    </fieldset>
  );
}
