import { api, call } from '../api/client';
import { useLoad } from '../api/useLoad';
import type { Delegation } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { MemberSearch } from '../ui/MemberSearch';
import { FormError, Region } from '../ui/states';
import { useSubmit } from '../ui/useSubmit';

/** A proposal (with its deciding circle, whose delegation applies unless the proposal has its own), or a circle. */
type Target = { proposal: string; circle?: string | undefined } | { circle: string };

/**
 * Entrust my judgement (never my stake) to another member, for one proposal or a whole circle; or revoke it.
 * If I do not vote, my weight follows my delegate's ballot; voting myself always overrides.
 */
export function DelegationControl({ target }: { target: Target }) {
  const { t } = useI18n();
  const delegations = useLoad(() => call(api.GET('/api/v1/me/delegations')), []);
  const submit = useSubmit();
  const isProposal = 'proposal' in target;
  const delegate = (delegateId: string) =>
    submit.run(() =>
      isProposal
        ? call(
            api.PUT('/api/v1/proposals/{proposal}/delegation', {
              params: { path: { proposal: target.proposal } },
              body: { delegateId },
            }),
          )
        : call(
            api.PUT('/api/v1/circles/{circle}/delegation', {
              params: { path: { circle: target.circle } },
              body: { delegateId },
            }),
          ),
    );
  const revoke = () =>
    submit.run(() =>
      isProposal
        ? call(
            api.DELETE('/api/v1/proposals/{proposal}/delegation', { params: { path: { proposal: target.proposal } } }),
          )
        : call(api.DELETE('/api/v1/circles/{circle}/delegation', { params: { path: { circle: target.circle } } })),
    );
  const after = (ok: boolean) => ok && delegations.reload();

  return (
    <section className="panel" aria-labelledby="delegation">
      <h2 id="delegation">{isProposal ? t('delegation.titleProposal') : t('delegation.titleCircle')}</h2>
      <p className="small">{t('delegation.explain')}</p>
      <Region loaded={delegations}>
        {({ given = [], received = [] }) => {
          const mine = (d: Delegation) =>
            isProposal ? d.proposalId === target.proposal : d.circleId === target.circle && !d.proposalId;
          const fromCircle = (d: Delegation) =>
            isProposal && !!target.circle && d.circleId === target.circle && !d.proposalId;
          const current = given.find(mine);
          const inherited = current ? undefined : given.find(fromCircle);
          const entrusting = received
            .filter((d) => mine(d) || fromCircle(d))
            .map((d) => d.delegator?.displayName ?? '');
          return (
            <>
              {current ? (
                <p>
                  {t('delegation.current', { name: current.delegate?.displayName ?? '' })}{' '}
                  <button
                    type="button"
                    className="small"
                    disabled={submit.busy}
                    onClick={() => void revoke().then(after)}
                  >
                    {t('delegation.revoke')}
                  </button>
                </p>
              ) : (
                <>
                  {inherited && (
                    <p data-testid="circle-delegation">
                      {t('delegation.fromCircle', { name: inherited.delegate?.displayName ?? '' })}
                    </p>
                  )}
                  <MemberSearch
                    label={inherited ? t('delegation.findOther') : t('delegation.find')}
                    action={(name) => t('delegation.to', { name })}
                    onPick={(m) => void delegate(m.id!).then(after)}
                    busy={submit.busy}
                  />
                </>
              )}
              {entrusting.length > 0 && (
                <p data-testid="entrusted-to-me">{t('delegation.entrustedHere', { names: entrusting.join(', ') })}</p>
              )}
            </>
          );
        }}
      </Region>
      <FormError error={submit.error} />
    </section>
  );
}
