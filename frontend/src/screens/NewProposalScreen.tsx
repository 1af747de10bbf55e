import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Circle } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { emptyDraft, toContent, type ProposalDraft } from '../newproposal/draft';
import { GroupsStep } from '../newproposal/GroupsStep';
import { MethodStep } from '../newproposal/MethodStep';
import { RulesStep } from '../newproposal/RulesStep';
import { TextStep } from '../newproposal/TextStep';
import { WeightingStep } from '../newproposal/WeightingStep';
import { Link, navigate } from '../router/router';
import { FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

export function NewProposalScreen({ circle }: { circle: string }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/circles/{circle}', { params: { path: { circle } } })), [circle]);
  return <Region loaded={loaded}>{(c) => <NewProposalForm circle={c} />}</Region>;
}

/** A guided form: what, how to decide, who it affects, how stakes weigh, and the rules; saved as a draft. */
function NewProposalForm({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ProposalDraft>(() => emptyDraft(circle.id!));
  const submit = useSubmit();
  const set = (patch: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const step = { draft, set, error: submit.error };
  return (
    <section aria-labelledby="new-proposal">
      <p className="eyebrow">
        <Link to={`/circles/${circle.slug}`}>{circle.name}</Link>
      </p>
      <h1 id="new-proposal">{t('proposal.new')}</h1>
      <p className="lead">{t('new.lead')}</p>
      <form
        className="form guided"
        noValidate
        onSubmit={submit.onSubmit(async () => {
          const created = await call(api.POST('/api/v1/circles/{circle}/proposals', { params: { path: { circle: circle.id! } }, body: toContent(draft) }));
          navigate(`/proposals/${created.id}`);
        })}
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
    </section>
  );
}
