import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal, ProposalResult, TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { Ballots } from '../results/Ballots';
import { Breakdown } from '../results/Breakdown';
import { Exports } from '../results/Exports';
import { Fragility } from '../results/Fragility';
import { LedgerCheck } from '../results/LedgerCheck';
import { OutcomeSummary } from '../results/OutcomeSummary';
import { SecrecyStatement } from '../results/SecrecyStatement';
import { TurnoutQuorum } from '../results/TurnoutQuorum';
import { WeightedVsEqual } from '../results/WeightedVsEqual';
import { Region } from '../ui/states';

export function ResultsScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const path = { params: { path: { proposal: id } } };
    const [proposal, result] = await Promise.all([
      call(api.GET('/api/v1/proposals/{proposal}', path)),
      call(api.GET('/api/v1/proposals/{proposal}/result', path)),
    ]);
    return { proposal, result };
  }, [id]);
  return (
    <Region loaded={loaded}>
      {({ proposal, result }) => (
        <article className="results">
          <header className="page-header">
            <p className="eyebrow">
              <Link to={`/proposals/${id}`}>{proposal.title}</Link>
            </p>
            <h1>{t('results.title')}</h1>
            {!result.isFinal && <p className="notice">{t('results.live')}</p>}
          </header>
          <ResultSections result={result} proposal={proposal} />
        </article>
      )}
    </Region>
  );
}

function ResultSections({ result, proposal }: { result: ProposalResult; proposal: Proposal }) {
  const proposalId = proposal.id!;
  const { t } = useI18n();
  const tally: TallyResult = result.tally ?? {};
  const labels =
    tally.method === 'APPROVE_REJECT'
      ? [t('stance.FOR'), t('stance.AGAINST'), t('stance.ABSTAIN')]
      : (tally.options ?? []);
  return (
    <>
      <OutcomeSummary tally={tally} labels={labels} />
      <WeightedVsEqual tally={tally} labels={labels} />
      <Breakdown tally={tally} labels={labels} />
      <SecrecyStatement tally={tally} labels={labels} />
      <div className="two-columns even">
        <TurnoutQuorum tally={tally} />
        <Fragility tally={tally} />
      </div>
      <div className="two-columns even">
        <LedgerCheck proposalId={proposalId} resultHead={result.ledgerHead ?? tally.ledgerHead ?? ''} />
        {result.isFinal && <Exports proposalId={proposalId} />}
      </div>
      <Ballots
        proposal={proposal}
        labels={labels}
        isPublic={result.isFinal === true || (proposal.phase === 'VOTING' && proposal.liveResults === true)}
      />
    </>
  );
}
