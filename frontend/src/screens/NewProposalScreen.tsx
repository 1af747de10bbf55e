import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { emptyDraft } from '../newproposal/draft';
import { ProposalForm } from '../newproposal/ProposalForm';
import { Link } from '../router/router';
import { Region } from '../ui/states';
import { usePageTitle } from '../ui/usePageTitle';

/** A new proposal for a circle, saved as a draft that only its author and the facilitators see. */
export function NewProposalScreen({ circle }: { circle: string }) {
  const { t } = useI18n();
  const loaded = useLoad(() => call(api.GET('/api/v1/circles/{circle}', { params: { path: { circle } } })), [circle]);
  usePageTitle(loaded.state === 'ready' ? `${t('proposal.new')} · ${loaded.data.name ?? ''}` : t('proposal.new'));
  return (
    <Region loaded={loaded}>
      {(c) => (
        <section aria-labelledby="new-proposal">
          <p className="eyebrow">
            <Link to={`/circles/${c.slug}`}>{c.name}</Link>
          </p>
          <h1 id="new-proposal">{t('proposal.new')}</h1>
          <p className="lead">{t('new.lead')}</p>
          <ProposalForm
            circle={c}
            initial={emptyDraft(c.id!)}
            draftScope={`proposal.new.${c.id}`}
            save={async (body) =>
              (
                await call(
                  api.POST('/api/v1/circles/{circle}/proposals', { params: { path: { circle: c.id! } }, body }),
                )
              ).id!
            }
          />
        </section>
      )}
    </Region>
  );
}
