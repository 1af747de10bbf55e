import { api, call } from '../api/client';
import type { Circle, CircleSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { EmptyState, FormError } from '../ui/states';
import { SearchAndPick } from '../ui/SearchAndPick';
import { useSubmit } from '../ui/useSubmit';

/**
 * Where the circle stands in the graph of circles, for those who manage it: the circles it belongs to (it
 * may leave them) and its member circles (add one found by name, or separate one). Linking a circle is the
 * parent's decision, so member circles are added from the parent's page. A link that would close a cycle is
 * refused by the service, and its problem is shown here.
 */
export function CircleLinksPanel({ circle, onChange }: { circle: Circle; onChange: () => void }) {
  const { t } = useI18n();
  const change = useSubmit();
  const unlink = (child: string, parent: string) =>
    void change
      .run(() => call(api.DELETE('/api/v1/circles/{circle}/parents/{parent}', { params: { path: { circle: child, parent } } })))
      .then((ok) => ok && onChange());
  const link = (child: CircleSummary) =>
    void change
      .run(() => call(api.PUT('/api/v1/circles/{circle}/parents/{parent}', { params: { path: { circle: child.id!, parent: circle.id! } } })))
      .then((ok) => ok && onChange());
  const parents = circle.parents ?? [];
  const children = circle.children ?? [];
  return (
    <section className="panel" aria-labelledby="circle-links">
      <h2 id="circle-links">{t('links.title')}</h2>
      <h3>{t('circle.parents')}</h3>
      {parents.length === 0 ? (
        <EmptyState>{t('links.noParents')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {parents.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <button type="button" className="small danger" disabled={change.busy} onClick={() => unlink(circle.id!, p.id!)}>
                {t('links.leave', { name: p.name ?? '' })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('circle.children')}</h3>
      {children.length === 0 ? (
        <EmptyState>{t('links.noChildren')}</EmptyState>
      ) : (
        <ul className="plain-list">
          {children.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <button type="button" className="small danger" disabled={change.busy} onClick={() => unlink(c.id!, circle.id!)}>
                {t('links.separate', { name: c.name ?? '' })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={change.error} />
      <SearchAndPick
        label={t('links.find')}
        find={async (q) => {
          const page = await call(api.GET('/api/v1/circles', { params: { query: { q, limit: '10' } } }));
          const already = new Set([circle.id, ...children.map((c) => c.id)]);
          return (page.items ?? []).filter((c) => !already.has(c.id));
        }}
        show={(c) => c.name}
        name={(c) => c.name ?? ''}
        action={(name) => t('links.add', { name })}
        noneFound={t('links.noneFound')}
        onPick={link}
        busy={change.busy}
      />
    </section>
  );
}
