import type { CircleSummary, ProposalContent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { navigate } from '../router/router';
import { DraftNotice } from '../ui/DraftNotice';
import { FormError } from '../ui/states';
import { useDraft } from '../ui/useDraft';
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
  draftScope,
  save,
}: {
  circle: CircleSummary;
  initial: ProposalDraft;
  /** Where the unsaved form is kept for this member: `proposal.new.<circle>` or `proposal.edit.<id>`. */
  draftScope: string;
  save: (content: ProposalContent) => Promise<string>;
}) {
  const { t } = useI18n();
  const kept = useDraft<ProposalDraft>(draftScope, initial);
  const draft = kept.value;
  const submit = useSubmit();
  const set = (patch: Partial<ProposalDraft>) => kept.set((d) => ({ ...d, ...patch }));
  const step = { draft, set, error: submit.error };
  return (
    <form
      className="form guided"
      noValidate
      onSubmit={submit.onSubmit(async () => {
        const id = await save(toContent(draft));
        kept.clear();
        navigate(`/proposals/${id}`, { force: true });
      })}
    >
      <DraftNotice restoredAt={kept.restoredAt} onDiscard={kept.discard} />
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
