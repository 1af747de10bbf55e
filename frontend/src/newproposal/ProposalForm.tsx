import { useState } from 'react';
import type { CircleSummary, ProposalContent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { FormError } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';
import { toContent, type ProposalDraft } from './draft';
import { GroupsStep } from './GroupsStep';
import { MethodStep } from './MethodStep';
import { RulesStep } from './RulesStep';
import { TextStep } from './TextStep';
import { WeightingStep } from './WeightingStep';

/**
 * The guided proposal form: what, how to decide, who it affects, how stakes weigh, and the rules. `save`
 * sends it (a new draft, or changes to a draft) and answers the proposal's id, which is then shown.
 */
export function ProposalForm({
  circle,
  initial,
  save,
}: {
  circle: CircleSummary;
  initial: ProposalDraft;
  save: (content: ProposalContent) => Promise<string>;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ProposalDraft>(initial);
  const submit = useSubmit();
  const set = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const step = { draft, set, error: submit.error };
  return (
    <form
      className="form guided"
      noValidate
      onSubmit={submit.onSubmit(async () => navigate(`/proposals/${await save(toContent(draft))}`))}
    >
      <TextStep {...step} />
      <MethodStep {...step} />
      <GroupsStep {...step} deciding={circle} />
      <WeightingStep {...step} />
      <RulesStep {...step} />
      <FormError error={submit.error} />
      <button type="submit" className="primary" disabled={submit.busy}>
        {t('new.save')}
      </button>
    </form>
  );
}
