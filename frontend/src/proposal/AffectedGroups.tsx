import type { AffectedGroup } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { levelKey } from '../stake/levels';
import { EmptyState } from '../ui/states';

export function AffectedGroups({ groups }: { groups: AffectedGroup[] }) {
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
    </section>
  );
}
