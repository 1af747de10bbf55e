import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Delegation } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { EmptyState, Region } from '../ui/states';

/** Whom I entrusted my judgement to, and who entrusted theirs to me. */
export function DelegationsPanel() {
  const { t } = useI18n();
  const delegations = useLoad(() => call(api.GET('/api/v1/me/delegations')), []);
  return (
    <section className="panel" aria-labelledby="delegations">
      <h2 id="delegations">{t('home.delegations')}</h2>
      <Region loaded={delegations}>
        {({ given = [], received = [] }) =>
          given.length + received.length === 0 ? (
            <EmptyState>{t('home.noDelegations')}</EmptyState>
          ) : (
            <>
              <DelegationList title={t('home.given')} items={given} who={(d) => d.delegate?.displayName} />
              <DelegationList title={t('home.received')} items={received} who={(d) => d.delegator?.displayName} />
            </>
          )
        }
      </Region>
    </section>
  );
}

function DelegationList({
  title,
  items,
  who,
}: {
  title: string;
  items: Delegation[];
  who: (d: Delegation) => string | undefined;
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="plain-list">
        {items.map((d) => (
          <li key={d.id}>
            <strong>{who(d)}</strong>, {d.proposalId ? t('delegation.forProposal') : t('delegation.forCircle')}{' '}
            <Link to={d.proposalId ? `/proposals/${d.proposalId}` : `/circles/${d.circleId}`}>{d.scopeName}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
