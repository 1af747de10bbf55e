import type { AffectedGroup, Proposal } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { EmptyState } from '../ui/states';
import { AddGroupForm } from './AddGroupForm';

/** Who the proposal affects; during deliberation, those who may add a group find the form to do so here. */
export function AffectedGroups({
  groups,
  proposal,
  onAdded,
}: {
  groups: AffectedGroup[];
  proposal?: Proposal;
  onAdded?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="affected-groups">
      <h2 id="affected-groups">{t('groups.title')}</h2>
      {groups.length === 0 ? (
        <EmptyState>{t('groups.none')}</EmptyState>
      ) : (
        <ul className="groups">
          {groups.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong>
              {g.circle && <span className="badge">{t('groups.circle')}</span>}
              <p className="small">
                {t('groups.suggested', { level: g.suggestedLevel ?? 0, word: t(levelKey(g.suggestedLevel ?? 0)) })} ·{' '}
                {t('groups.declarations', { count: g.declarations ?? 0 })}
              </p>
              {g.howAffected && <p>{g.howAffected}</p>}
            </li>
          ))}
        </ul>
      )}
      {proposal?.phase === 'DELIBERATION' && proposal.my?.canAddGroups && (
        <AddGroupForm proposal={proposal} onAdded={onAdded ?? (() => undefined)} />
      )}
    </section>
  );
}
