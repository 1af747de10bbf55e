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
      .run(() =>
        call(api.DELETE('/api/v1/circles/{circle}/parents/{parent}', { params: { path: { circle: child, parent } } })),
      )
      .then((ok) => ok && onChange());
  const link = (child: CircleSummary) =>
    void change
      .run(() =>
        call(
          api.PUT('/api/v1/circles/{circle}/parents/{parent}', {
            params: { path: { circle: child.id!, parent: circle.id! } },
          }),
        ),
      )
      .then((ok) => ok && onChange());
  const parents = circle.parents ?? [];
  const children = circle.children ?? [];
  return (
    <section className="panel" aria-labelledby="circle-links">
      <h2 id="circle-links">{t('links.title')}</h2>
      <LinkedCircles
        title={t('circle.parents')}
        circles={parents}
        empty={t('links.noParents')}
        action={(name) => t('links.leave', { name })}
        onUnlink={(p) => unlink(circle.id!, p.id!)}
        busy={change.busy}
      />
      <LinkedCircles
        title={t('circle.children')}
        circles={children}
        empty={t('links.noChildren')}
        action={(name) => t('links.separate', { name })}
        onUnlink={(c) => unlink(c.id!, circle.id!)}
        busy={change.busy}
      />
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

/** Circles on one side of the link, each with the button that undoes its link. */
function LinkedCircles({
  title,
  circles,
  empty,
  action,
  onUnlink,
  busy,
}: {
  title: string;
  circles: CircleSummary[];
  empty: string;
  action: (name: string) => string;
  onUnlink: (circle: CircleSummary) => void;
  busy: boolean;
}) {
  return (
    <>
      <h3>{title}</h3>
      {circles.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <ul className="plain-list">
          {circles.map((c) => (
            <li key={c.id}>
              <span>{c.name}</span>
              <button type="button" className="small danger" disabled={busy} onClick={() => onUnlink(c)}>
                {action(c.name ?? '')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
