import { api, call } from '../api/client';
import type { Method, Proposal } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/i18n';
import { EmptyState, Region } from '../ui/states';
import { MoreButton, useMore } from '../ui/useMore';
import { ballotInWords } from '../vote/ballot';

type FirstPage = Awaited<ReturnType<typeof loadPage>>;

const PAGE = 50;

function loadPage(proposal: string, cursor?: string) {
  return call(
    api.GET('/api/v1/proposals/{proposal}/ballots', {
      params: { path: { proposal }, query: { limit: String(PAGE), cursor } },
    }),
  );
}

/**
 * Who voted what. A public proposal lists every current ballot by voter once its results are public (fifty
 * at a time, with more on demand); a secret one says that no one can see it, and shows nothing else.
 */
export function Ballots({
  proposal,
  labels,
  isPublic,
  weights,
}: {
  proposal: Proposal;
  labels: string[];
  isPublic: boolean;
  /** Each voter's weight (member id → weight), once the tally document is loaded. */
  weights?: Map<string, number> | null;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="ballots">
      <h2 id="ballots">{t('results.ballots')}</h2>
      {proposal.secret ? (
        <p data-testid="ballots-secret">{t('results.ballotsSecret')}</p>
      ) : isPublic ? (
        <BallotTable proposal={proposal} labels={labels} weights={weights ?? null} />
      ) : (
        <p>{t('results.ballotsLater')}</p>
      )}
    </section>
  );
}

type Weights = Map<string, number> | null;

function BallotTable({ proposal, labels, weights }: { proposal: Proposal; labels: string[]; weights: Weights }) {
  const first = useLoad(() => loadPage(proposal.id!), [proposal.id]);
  return (
    <Region loaded={first}>
      {(page) => <BallotRows proposal={proposal} labels={labels} first={page} weights={weights} />}
    </Region>
  );
}

function BallotRows({
  proposal,
  labels,
  first,
  weights,
}: {
  proposal: Proposal;
  labels: string[];
  first: FirstPage;
  weights: Weights;
}) {
  const { t, number } = useI18n();
  const list = useMore(first, (cursor: string) => loadPage(proposal.id!, cursor));
  if (list.items.length === 0) return <EmptyState>{t('results.ballotsEmpty')}</EmptyState>;
  return (
    <>
      <p className="small muted">{t('results.ballotsExplain')}</p>
      <div className="breakdown">
        <table className="breakdown-table" aria-labelledby="ballots" data-testid="ballots-table">
          <thead>
            <tr>
              <th scope="col">{t('results.voter')}</th>
              <th scope="col">{t('results.ballot')}</th>
              {weights && <th scope="col">{t('weights.weight')}</th>}
              <th scope="col">{t('receipt.label')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((b) => (
              <tr key={b.receipt}>
                <th scope="row">{b.voter?.displayName}</th>
                <td>{ballotInWords(proposal.method as Method, b.ballot ?? {}, labels, t('results.ballotNone'))}</td>
                {weights && <td>{number(weights.get(b.voter?.id ?? '') ?? 0, 2)}</td>}
                <td>
                  <code>{b.receipt?.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton list={list} label={t('results.moreBallots')} />
    </>
  );
}
