import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { ProposalList } from '../proposal/ProposalList';
import { Region } from '../ui/states';

/** The proposals of my circles, of circles I am affected through, and those I declared a stake in. */
export function ProposalsAffectingMe() {
  const { t } = useI18n();
  const proposals = useLoad(() => call(api.GET('/api/v1/proposals', { params: { query: { affectingMe: true, limit: '50' } } })), []);
  return (
    <section className="panel" aria-labelledby="affecting-me">
      <h2 id="affecting-me">{t('home.affectingMe')}</h2>
      <Region loaded={proposals}>{(page) => <ProposalList proposals={page.items ?? []} empty={t('home.noProposals')} />}</Region>
    </section>
  );
}
