import type { ProtectionRule, Threshold } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { DateTimeField } from '../ui/DateTimeField';
import { Field } from '../ui/Field';
import type { StepProps } from './step';

const THRESHOLDS: Threshold[] = ['SIMPLE_MAJORITY', 'TWO_THIRDS', 'CONSENT'];
const PROTECTIONS: ProtectionRule[] = ['NONE', 'MAJORITY', 'NO_OBJECTION'];

/** Quorum, threshold, protection of the most affected, secrecy, live results, outsiders, deadlines. */
export function RulesStep({ draft, set, error }: StepProps) {
  const { t } = useI18n();
  const approveReject = draft.method === 'APPROVE_REJECT';
  return (
    <fieldset className="step">
      <legend>{t('new.stepRules')}</legend>
      <div className="field-row">
        <Field label={t('new.quorumPercent')} hint={t('new.quorumHint')} field="quorum.turnoutPercent" error={error}>
          <input
            type="number"
            min={0}
            max={100}
            value={draft.quorumPercent}
            onChange={(e) => set({ quorumPercent: e.target.value })}
          />
        </Field>
        <Field label={t('new.quorumHeadcount')} field="quorum.headcount" error={error}>
          <input
            type="number"
            min={0}
            value={draft.quorumHeadcount}
            onChange={(e) => set({ quorumHeadcount: e.target.value })}
          />
        </Field>
      </div>
      {approveReject && (
        <>
          <Field label={t('rules.threshold')} field="threshold.rule" error={error}>
            <select value={draft.threshold} onChange={(e) => set({ threshold: e.target.value as Threshold })}>
              {THRESHOLDS.map((r) => (
                <option key={r} value={r}>
                  {t(`threshold.${r}`, { percent: draft.consentObjection || '…' })}
                </option>
              ))}
            </select>
          </Field>
          {draft.threshold === 'CONSENT' && (
            <Field label={t('new.consentObjection')} field="threshold.objectionPercent" error={error}>
              <input
                type="number"
                min={0}
                max={100}
                value={draft.consentObjection}
                onChange={(e) => set({ consentObjection: e.target.value })}
              />
            </Field>
          )}
          <Field label={t('rules.protection')} hint={t('new.protectionHint')} field="protection.rule" error={error}>
            <select value={draft.protection} onChange={(e) => set({ protection: e.target.value as ProtectionRule })}>
              {PROTECTIONS.map((r) => (
                <option key={r} value={r}>
                  {t(`protection.${r}`, { percent: draft.protectionObjection || '…' })}
                </option>
              ))}
            </select>
          </Field>
          {draft.protection === 'NO_OBJECTION' && (
            <Field label={t('new.protectionObjection')} field="protection.objectionPercent" error={error}>
              <input
                type="number"
                min={0}
                max={100}
                value={draft.protectionObjection}
                onChange={(e) => set({ protectionObjection: e.target.value })}
              />
            </Field>
          )}
        </>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={draft.secret} onChange={(e) => set({ secret: e.target.checked })} />{' '}
        {t('new.secret')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={draft.liveResults} onChange={(e) => set({ liveResults: e.target.checked })} />{' '}
        {t('new.liveResults')}
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.outsidersAllowed}
          onChange={(e) => set({ outsidersAllowed: e.target.checked })}
        />{' '}
        {t('new.outsiders')}
      </label>
      <div className="field-row">
        <DateTimeField
          label={t('new.deliberationEnds')}
          hint={t('new.deadlineHint')}
          field="deliberationEndsAt"
          error={error}
          value={draft.deliberationEndsAt}
          onChange={(v) => set({ deliberationEndsAt: v })}
        />
        <DateTimeField
          label={t('new.votingEnds')}
          field="votingEndsAt"
          error={error}
          value={draft.votingEndsAt}
          onChange={(v) => set({ votingEndsAt: v })}
        />
      </div>
    </fieldset>
  );
}
