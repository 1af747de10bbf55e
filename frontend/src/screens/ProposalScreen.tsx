import { useState } from 'react';
import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal, Turnout } from '../api/types';
import { AffectedGroups } from '../proposal/AffectedGroups';
import { ArgumentsBoard } from '../proposal/ArgumentsBoard';
import { DelegationControl } from '../proposal/DelegationControl';
import { LiveTurnout } from '../proposal/LiveTurnout';
import { PhaseControls } from '../proposal/PhaseControls';
import { PhaseTimeline } from '../proposal/PhaseTimeline';
import { ProposalHeader } from '../proposal/ProposalHeader';
import { ProposalRules } from '../proposal/ProposalRules';
import { SecrecyPanel } from '../proposal/SecrecyPanel';
import { useLiveProposal } from '../proposal/useLiveProposal';
import { WordingPanel } from '../proposal/WordingPanel';
import { DeclareStake } from '../stake/DeclareStake';
import { StakeList } from '../stake/StakeList';
import { Markdown } from '../ui/Markdown';
import { Region } from '../ui/states';
import { VoteJump } from '../vote/VoteJump';
import { VotePanel } from '../vote/VotePanel';
import { usePageTitle } from '../ui/usePageTitle';

export function ProposalScreen({ id }: { id: string }) {
  const proposal = useLoad(
    () => call(api.GET('/api/v1/proposals/{proposal}', { params: { path: { proposal: id } } })),
    [id],
  );
  usePageTitle(proposal.state === 'ready' ? proposal.data.title : null);
  const [argumentsVersion, setArgumentsVersion] = useState(0);
  const turnout = useLiveProposal(id, { phase: proposal.reload, argument: () => setArgumentsVersion((v) => v + 1) });
  return (
    <Region loaded={proposal}>
      {(p) => (
        <ProposalView proposal={p} turnout={turnout} argumentsVersion={argumentsVersion} reload={proposal.reload} />
      )}
    </Region>
  );
}

function ProposalView({
  proposal,
  turnout,
  argumentsVersion,
  reload,
}: {
  proposal: Proposal;
  turnout: Turnout | null;
  argumentsVersion: number;
  reload: () => void;
}) {
  const [stakesVersion, setStakesVersion] = useState(0);
  const changed = () => {
    reload();
    setStakesVersion((v) => v + 1);
  };
  const phase = proposal.phase;
  return (
    <article className="proposal">
      <ProposalHeader proposal={proposal} />
      {phase === 'VOTING' && proposal.my?.canTakePart && <VoteJump />}
      <PhaseTimeline proposal={proposal} />
      {proposal.my?.canSteer && <PhaseControls proposal={proposal} onChange={changed} />}
      {(phase === 'DELIBERATION' || phase === 'VOTING') && (
        <LiveTurnout turnout={turnout} voting={phase === 'VOTING'} />
      )}
      <div className="two-columns">
        <div>
          {proposal.body && (
            <section className="panel" aria-labelledby="proposal-text">
              <h2 id="proposal-text">{proposal.title}</h2>
              <Markdown text={proposal.body} />
            </section>
          )}
          {phase !== 'DRAFT' && <WordingPanel proposal={proposal} onCorrected={reload} />}
          <AffectedGroups groups={proposal.affectedGroups ?? []} proposal={proposal} onAdded={changed} />
          {phase === 'DELIBERATION' && proposal.my?.canTakePart && (
            <DeclareStake proposal={proposal} onDeclared={changed} />
          )}
          {phase === 'VOTING' && <VotePanel proposal={proposal} onVoted={reload} />}
          {phase !== 'DRAFT' && <StakeList proposal={proposal} version={stakesVersion} onChange={changed} />}
          {phase !== 'DRAFT' && <ArgumentsBoard proposal={proposal} version={argumentsVersion} />}
        </div>
        <div className="side-column">
          {(phase === 'DELIBERATION' || phase === 'VOTING') && proposal.my?.canTakePart && (
            <DelegationControl target={{ proposal: proposal.id!, circle: proposal.circle?.id }} />
          )}
          <ProposalRules proposal={proposal} />
          {phase !== 'DRAFT' && <SecrecyPanel proposal={proposal} />}
        </div>
      </div>
    </article>
  );
}
