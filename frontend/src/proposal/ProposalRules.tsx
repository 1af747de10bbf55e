import type { Method, Proposal } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { PolicyExplainer } from '../weighting/PolicyExplainer';

export const METHOD_KEYS: Record<Method, MessageKey> = {
  APPROVE_REJECT: 'method.APPROVE_REJECT',
  SINGLE_CHOICE: 'method.SINGLE_CHOICE',
  APPROVAL: 'method.APPROVAL',
  SCORE: 'method.SCORE',
  SPLIT: 'method.SPLIT',
  QUADRATIC: 'method.QUADRATIC',
  RANKED_IRV: 'method.RANKED_IRV',
  RANKED_SCHULZE: 'method.RANKED_SCHULZE',
  COPELAND: 'method.COPELAND',
};

/** How this proposal decides: method, weighting (explained), quorum, threshold, protection, secrecy. */
export function ProposalRules({ proposal }: { proposal: Proposal }) {
  const { t, number } = useI18n();
  const quorum = proposal.quorum;
  const threshold = proposal.threshold;
  const protection = proposal.protection;
  return (
    <section className="panel" aria-labelledby="rules">
      <h2 id="rules">{t('rules.title')}</h2>
      <dl className="rules">
        <dt>{t('rules.method')}</dt>
        <dd>{proposal.method && t(METHOD_KEYS[proposal.method])}</dd>
        {(proposal.options ?? []).length > 0 && (
          <>
            <dt>{t('rules.options')}</dt>
            <dd>
              <ol className="options">
                {(proposal.options ?? []).map((o) => (
                  <li key={o.index}>{o.label}</li>
                ))}
              </ol>
            </dd>
          </>
        )}
        <dt>{t('rules.weighting')}</dt>
        <dd>
          <strong>
            {t(`policy.${proposal.weighting?.policy ?? 'LINEAR'}`, { cap: proposal.weighting?.cap ?? 3 })}
          </strong>
          {proposal.weighting?.policy && (
            <PolicyExplainer policy={proposal.weighting.policy} cap={proposal.weighting.cap} />
          )}
        </dd>
        <dt>{t('rules.quorum')}</dt>
        <dd>
          {quorum?.turnoutPercent || quorum?.headcount
            ? t('rules.quorumValue', { percent: number(quorum.turnoutPercent ?? 0), heads: quorum.headcount ?? 0 })
            : t('rules.none')}
        </dd>
        {proposal.method === 'APPROVE_REJECT' && (
          <>
            <dt>{t('rules.threshold')}</dt>
            <dd>
              {t(`threshold.${threshold?.rule ?? 'SIMPLE_MAJORITY'}`, {
                percent: number(threshold?.objectionPercent ?? 0),
              })}
            </dd>
            <dt>{t('rules.protection')}</dt>
            <dd>
              {t(`protection.${protection?.rule ?? 'NONE'}`, { percent: number(protection?.objectionPercent ?? 0) })}
            </dd>
          </>
        )}
        <dt>{t('rules.secrecy')}</dt>
        <dd>{proposal.secret ? t('rules.secret') : t('rules.public')}</dd>
        {proposal.outsidersAllowed && (
          <>
            <dt>{t('rules.outsiders')}</dt>
            <dd>{t('rules.outsidersAllowed')}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
