import type { Policy } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { policyExample } from './policies';

/**
 * A weighting policy in plain words, with the same three people weighed under it: what their ballots
 * count for and what share of the decision each carries.
 */
export function PolicyExplainer({ policy, cap }: { policy: Policy; cap?: number | null | undefined }) {
  const { t, number, percent } = useI18n();
  if (policy === 'EXPLICIT') return <p>{t('policy.EXPLICIT.explain')}</p>;
  const example = policyExample(policy, cap ?? 3);
  return (
    <div className="policy-explainer">
      <p>{t(`policy.${policy}.explain`, { cap: cap ?? 3 })}</p>
      <div className="table-scroll">
        <table className="small">
          <caption>{t('policy.example')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.person')}</th>
              <th scope="col">{t('stake.level')}</th>
              <th scope="col">{t('policy.weight')}</th>
              <th scope="col">{t('policy.share')}</th>
            </tr>
          </thead>
          <tbody>
            {example.levels.map((level, i) => (
              <tr key={i}>
                <th scope="row">{t(`policy.person${i + 1}` as 'policy.person1')}</th>
                <td>
                  {level} ({t(levelKey(level))})
                </td>
                <td>{number(example.weights[i] ?? 0, 2)}</td>
                <td>{percent(example.shares[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
