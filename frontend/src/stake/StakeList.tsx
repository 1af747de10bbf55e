import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Proposal, StakeDeclaration } from '../api/types';
import { useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { InlineTextForm } from '../ui/InlineTextForm';
import { EmptyState, Region } from '../ui/states';
import { ChallengeItem } from './ChallengeItem';
import { levelKey } from './levels';

/** Every declaration, highest first, with its flags (above the suggested level, self-identified, lowered) and challenges. */
export function StakeList({
  proposal,
  version,
  onChange,
}: {
  proposal: Proposal;
  version: number;
  onChange: () => void;
}) {
  const { t } = useI18n();
  const stakes = useLoad(
    () =>
      call(
        api.GET('/api/v1/proposals/{proposal}/stakes', {
          params: { path: { proposal: proposal.id! }, query: { limit: '100' } },
        }),
      ),
    [proposal.id, version],
  );
  return (
    <section className="panel" aria-labelledby="stakes">
      <h2 id="stakes">{t('stakes.title')}</h2>
      <Region loaded={stakes}>
        {(page) =>
          (page.items ?? []).length === 0 ? (
            <EmptyState>{t('stakes.none')}</EmptyState>
          ) : (
            <ul className="stakes">
              {(page.items ?? []).map((s) => (
                <StakeItem key={s.id} stake={s} proposal={proposal} onChange={onChange} />
              ))}
            </ul>
          )
        }
      </Region>
    </section>
  );
}

function StakeItem({
  stake,
  proposal,
  onChange,
}: {
  stake: StakeDeclaration;
  proposal: Proposal;
  onChange: () => void;
}) {
  const { t, number } = useI18n();
  const me = useMe();
  const mine = stake.member?.id === me.id;
  const canChallenge = proposal.phase === 'DELIBERATION' && proposal.my?.canTakePart && !mine;
  const level = stake.level ?? 0;
  return (
    <li className="stake" data-testid={`stake-${stake.member?.username}`}>
      <div className="stake-head">
        <strong>{stake.member?.displayName}</strong>
        <span className={`level-pill level-${level}`}>
          {level} · {t(levelKey(level))}
        </span>
        <span className="small">{t('stakes.weight', { weight: number(Number(stake.weight ?? 0), 2) })}</span>
      </div>
      <p className="small">
        {t('stakes.asGroup', { group: stake.groupName ?? '' })}
        {stake.flagged && <span className="badge flag">{t('stakes.flagged')}</span>}
        {stake.selfIdentified && <span className="badge">{t('stakes.selfIdentified')}</span>}
        {stake.lowered && (
          <span className="badge lowered">{t('stakes.lowered', { from: stake.declaredLevel ?? 0, to: level })}</span>
        )}
        {stake.late && <span className="badge flag">{t('stakes.late')}</span>}
      </p>
      {stake.reason && <p className="reason">“{stake.reason}”</p>}
      {(stake.challenges ?? []).length > 0 && (
        <ul className="challenges" aria-label={t('challenge.list')}>
          {(stake.challenges ?? []).map((c) => (
            <ChallengeItem key={c.id} challenge={c} stake={stake} proposal={proposal} mine={mine} onChange={onChange} />
          ))}
        </ul>
      )}
      {canChallenge && (
        <InlineTextForm
          open={t('challenge.open', { name: stake.member?.displayName ?? '' })}
          label={t('challenge.reason')}
          submitLabel={t('challenge.send')}
          field="reason"
          send={(reason) =>
            call(
              api.POST('/api/v1/proposals/{proposal}/stakes/{stake}/challenges', {
                params: { path: { proposal: proposal.id!, stake: stake.id! } },
                body: { reason },
              }),
            )
          }
          onSent={onChange}
        />
      )}
    </li>
  );
}
