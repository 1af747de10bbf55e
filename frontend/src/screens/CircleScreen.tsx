import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { CircleEditPanel } from '../circle/CircleEditPanel';
import { CircleHeader } from '../circle/CircleHeader';
import { CircleLinksPanel } from '../circle/CircleLinksPanel';
import { CircleMembers } from '../circle/CircleMembers';
import { CirclePolicyPanel } from '../circle/CirclePolicyPanel';
import { CircleProposals } from '../circle/CircleProposals';
import { AskToJoin, InvitePanel } from '../circle/InvitePanel';
import { WebhooksPanel } from '../circle/WebhooksPanel';
import { DelegationControl } from '../proposal/DelegationControl';
import { Region } from '../ui/states';
import { usePageTitle } from '../ui/usePageTitle';

export function CircleScreen({ circle }: { circle: string }) {
  const loaded = useLoad(() => call(api.GET('/api/v1/circles/{circle}', { params: { path: { circle } } })), [circle]);
  usePageTitle(loaded.state === 'ready' ? loaded.data.name : null);
  return (
    <Region loaded={loaded}>
      {(c) => (
        <>
          <CircleHeader circle={c} />
          <div className="two-columns">
            <CircleProposals circle={c} />
            <div className="side-column">
              {/* keyed by the count: a member admitted elsewhere (a join request accepted) is listed at once */}
              <CircleMembers key={c.memberCount} circle={c} onChange={loaded.reload} />
              <CirclePolicyPanel circle={c} onChange={loaded.reload} />
              {c.canManage && <InvitePanel circle={c} onChange={loaded.reload} />}
              {!c.myRole && <AskToJoin circle={c} />}
              {c.canManage && <WebhooksPanel circle={c} />}
              {c.canManage && <CircleLinksPanel circle={c} onChange={loaded.reload} />}
              {c.canManage && (
                <CircleEditPanel key={`${c.name}|${c.kind}|${c.description}`} circle={c} onChange={loaded.reload} />
              )}
              {c.myRole && <DelegationControl target={{ circle: c.id! }} />}
            </div>
          </div>
        </>
      )}
    </Region>
  );
}
