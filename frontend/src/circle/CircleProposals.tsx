import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Circle } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ProposalList } from '../proposal/ProposalList';
import { Link } from '../router/router';
import { Region } from '../ui/states';

export function CircleProposals({ circle }: { circle: Circle }) {
  const { t } = useI18n();
  const proposals = useLoad(
    () => call(api.GET('/api/v1/proposals', { params: { query: { circle: circle.id!, limit: '50' } } })),
    [circle.id],
  );
  return (
    <section className="panel" aria-labelledby="circle-proposals">
      <h2 id="circle-proposals">{t('circle.proposals')}</h2>
      {(circle.myRole || circle.canManage) && (
        <Link to={`/circles/${circle.slug}/proposals/new`} className="button primary">
          {t('proposal.new')}
        </Link>
      )}
      <Region loaded={proposals}>
        {(page) => <ProposalList proposals={page.items ?? []} empty={t('circle.noProposals')} />}
      </Region>
    </section>
  );
}
