import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal, ProposalResult, TallyResult } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { Ballots } from '../results/Ballots';
import { Breakdown } from '../results/Breakdown';
import { EveryWeight } from '../results/EveryWeight';
import { Exports } from '../results/Exports';
import { Fragility } from '../results/Fragility';
import { LedgerCheck } from '../results/LedgerCheck';
import { OutcomeSummary } from '../results/OutcomeSummary';
import { RankedExplanation } from '../results/RankedExplanation';
import { ResultsPending, resultsArePublic } from '../results/ResultsPending';
import { SecrecyStatement } from '../results/SecrecyStatement';
import { TurnoutQuorum } from '../results/TurnoutQuorum';
import { WeightedVsEqual } from '../results/WeightedVsEqual';
import { declarationRows, type DeclarationRow } from '../results/weights';
import { Region } from '../ui/states';

export function ResultsScreen({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const path = { params: { path: { proposal: id } } };
    const proposal = await call(api.GET('/api/v1/proposals/{proposal}', path));
    // before voting closes (and without live results) there is no result yet: say when it comes, not an error
    if (!resultsArePublic(proposal)) return { proposal, result: null };
    const result = await call(api.GET('/api/v1/proposals/{proposal}/result', path));
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
            {result && !result.isFinal && <p className="notice">{t('results.live')}</p>}
          </header>
          {result ? <ResultSections result={result} proposal={proposal} /> : <ResultsPending proposal={proposal} />}
        </article>
      )}
    </Region>
  );
}

/** The published rows of a closed public proposal (who declared what, with which weight, counted for what). */
function useDeclarations(proposal: Proposal, enabled: boolean) {
  return useLoad(async (): Promise<DeclarationRow[] | null> => {
    if (!enabled) return null;
    const csv = await call(
      api.GET('/api/v1/proposals/{proposal}/export.csv', {
        params: { path: { proposal: proposal.id! } },
        parseAs: 'text',
      }),
    );
    return declarationRows(csv);
  }, [proposal.id, enabled]);
}

function ResultSections({ result, proposal }: { result: ProposalResult; proposal: Proposal }) {
  const proposalId = proposal.id!;
  const { t } = useI18n();
  const tally: TallyResult = result.tally ?? {};
  const labels =
    tally.method === 'APPROVE_REJECT'
      ? [t('stance.FOR'), t('stance.AGAINST'), t('stance.ABSTAIN')]
      : (tally.options ?? []);
  const perPerson = result.isFinal === true && !proposal.secret;
  const declarations = useDeclarations(proposal, perPerson);
  const rows = declarations.state === 'ready' ? declarations.data : null;
  const weights = rows ? new Map(rows.map((r) => [r.voter, r.weight])) : null;
  return (
    <>
      <OutcomeSummary tally={tally} labels={labels} />
      <WeightedVsEqual tally={tally} labels={labels} />
      <RankedExplanation tally={tally} labels={labels} />
      <Breakdown tally={tally} labels={labels} />
      <SecrecyStatement tally={tally} labels={labels} />
      <div className="two-columns even">
        <TurnoutQuorum tally={tally} />
        <Fragility tally={tally} proposal={proposal} rows={rows} />
      </div>
      <div className="two-columns even">
        <LedgerCheck
          proposalId={proposalId}
          resultHead={result.ledgerHead ?? tally.ledgerHead ?? ''}
          resultSeq={result.ledgerSeq}
        />
        {result.isFinal && <Exports proposalId={proposalId} />}
      </div>
      <Ballots
        proposal={proposal}
        labels={labels}
        isPublic={result.isFinal === true || (proposal.phase === 'VOTING' && proposal.liveResults === true)}
        weights={weights}
      />
      {perPerson && (
        <Region loaded={declarations}>
          {(loadedRows) =>
            loadedRows && <EveryWeight proposal={proposal} tally={tally} rows={loadedRows} labels={labels} />
          }
        </Region>
      )}
    </>
  );
}
