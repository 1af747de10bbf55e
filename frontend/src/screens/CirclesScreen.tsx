import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { CircleSummary } from '../api/types';
import { useMe } from '../auth/me';
import { KIND_KEYS } from '../circle/kinds';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { MoreButton, useMore, type Page } from '../ui/useMore';
import { usePageTitle } from '../ui/usePageTitle';
import { useSubmit } from '../ui/useSubmit';

const PAGE = 25;

/** The circle directory: every circle by name, to search by words in the name, slug or description. */
export function CirclesScreen() {
  const { t } = useI18n();
  const mine = new Set((useMe().circles ?? []).map((c) => c.id));
  const [q, setQ] = useState('');
  const [found, setFound] = useState<{ q: string; at: number; items: CircleSummary[]; next: string | null } | null>(
    null,
  );
  const load = useSubmit();
  const fetchPage = (text: string, cursor?: string) =>
    call(
      api.GET('/api/v1/circles', {
        params: {
          query: { limit: String(PAGE), ...(text.trim() ? { q: text.trim() } : {}), ...(cursor ? { cursor } : {}) },
        },
      }),
    );
  const run = (text: string) =>
    void load.run(async () => {
      const page = await fetchPage(text);
      setFound({ q: text, at: Date.now(), items: page.items ?? [], next: page.next ?? null });
    });
  // the whole directory on opening; a search when the form is submitted
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => run(''), []);

  usePageTitle(t('directory.title'));
  return (
    <section aria-labelledby="directory">
      <h1 id="directory">{t('directory.title')}</h1>
      <form
        className="form compact browse-form"
        role="search"
        aria-label={t('directory.title')}
        onSubmit={(e) => {
          e.preventDefault();
          run(q);
        }}
      >
        <label>
          {t('directory.search')}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={load.busy}>
          {t('action.search')}
        </button>
      </form>
      <div className="panel" aria-live="polite" aria-busy={load.busy}>
        {load.error ? (
          <ErrorState error={load.error} retry={() => run(q)} />
        ) : !found ? (
          <LoadingState />
        ) : found.items.length === 0 ? (
          <EmptyState>{t('directory.none')}</EmptyState>
        ) : (
          <Directory
            key={found.q + found.at}
            first={found}
            mine={mine}
            fetchAfter={(cursor) => fetchPage(found.q, cursor)}
          />
        )}
      </div>
    </section>
  );
}

/** One search's circles, page by page (a new search starts a new list). */
function Directory({
  first,
  mine,
  fetchAfter,
}: {
  first: Page<CircleSummary, string>;
  mine: Set<string | undefined>;
  fetchAfter: (cursor: string) => Promise<Page<CircleSummary, string>>;
}) {
  const { t } = useI18n();
  const list = useMore(first, fetchAfter);
  return (
    <>
      <ul className="plain-list circle-directory">
        {list.items.map((c) => (
          <li key={c.id}>
            <Link to={`/circles/${c.slug}`}>{c.name}</Link>{' '}
            {c.kind && KIND_KEYS[c.kind] && <span className="muted small">{t(KIND_KEYS[c.kind])}</span>}
            {c.id && mine.has(c.id) && <span className="badge">{t('directory.yours')}</span>}
          </li>
        ))}
      </ul>
      <MoreButton list={list} label={t('directory.more')} />
    </>
  );
}
