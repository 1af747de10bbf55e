import { api, call } from '../api/client';
import type { Phase } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { ProposalList } from '../proposal/ProposalList';
import { Link } from '../router/router';
import { Region } from '../ui/states';

/** What asks something of me comes first: voting, then deliberation, then drafts I may edit. */
const OPEN: Phase[] = ['VOTING', 'DELIBERATION', 'DRAFT'];
const RECENTLY_DECIDED = 10;

function affectingMe(phase: Phase, limit: number) {
  return call(api.GET('/api/v1/proposals', { params: { query: { affectingMe: true, phase, limit: String(limit) } } }));
}

/**
 * The proposals of my circles, of circles I am affected through, and those I declared a stake in: those
 * still open first (where my stake or my vote is wanted), then the last ones decided.
 */
export function ProposalsAffectingMe() {
  const { t } = useI18n();
  const proposals = useLoad(async () => {
    const [open, decided] = await Promise.all([
      Promise.all(OPEN.map((phase) => affectingMe(phase, 50))),
      affectingMe('CLOSED', RECENTLY_DECIDED),
    ]);
    return { open: open.flatMap((page) => page.items ?? []), decided: decided.items ?? [] };
  }, []);
  return (
    <section className="panel" aria-labelledby="affecting-me">
      <h2 id="affecting-me">{t('home.affectingMe')}</h2>
      <Region loaded={proposals}>
        {({ open, decided }) => (
          <>
            <h3>{t('home.openNow')}</h3>
            <ProposalList proposals={open} empty={t('home.noProposals')} />
            {decided.length > 0 && (
              <>
                <h3>{t('home.recentlyDecided')}</h3>
                <ProposalList proposals={decided} empty="" />
              </>
            )}
          </>
        )}
      </Region>
      <p>
        <Link to="/proposals">{t('browse.link')}</Link>
      </p>
    </section>
  );
}
