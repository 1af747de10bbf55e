import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { fromProposal } from '../newproposal/draft';
import { ProposalForm } from '../newproposal/ProposalForm';
import { Link } from '../router/router';
import { Region } from '../ui/states';
import { usePageTitle } from '../ui/usePageTitle';

/** The author or a facilitator changes a draft before deliberation opens. */
export function EditProposalScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(
    () => call(api.GET('/api/v1/proposals/{proposal}', { params: { path: { proposal: id } } })),
    [id],
  );
  usePageTitle(loaded.state === 'ready' ? `${t('proposal.edit')} · ${loaded.data.title ?? ''}` : t('proposal.edit'));
  return (
    <Region loaded={loaded}>
      {(p) => (
        <section aria-labelledby="edit-proposal">
          <p className="eyebrow">
            <Link to={`/proposals/${id}`}>{p.title}</Link>
          </p>
          <h1 id="edit-proposal">{t('proposal.edit')}</h1>
          {p.phase !== 'DRAFT' ? (
            <div className="panel">
              <p>{t(p.my?.canCorrect ? 'correction.notDraft' : 'correction.notDraftReader')}</p>
              <Link to={`/proposals/${id}`} className="button">
                {p.title}
              </Link>
            </div>
          ) : (
            <ProposalForm
              circle={p.circle!}
              initial={fromProposal(p)}
              draftScope={`proposal.edit.${id}`}
              save={async (body) =>
                (await call(api.PUT('/api/v1/proposals/{proposal}', { params: { path: { proposal: id } }, body }))).id!
              }
            />
          )}
        </section>
      )}
    </Region>
  );
}
