import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { Phase, ProposalSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ProposalList } from '../proposal/ProposalList';
import { ErrorState, LoadingState } from '../ui/states';
import { PHASE_KEYS } from '../ui/PhaseBadge';
import { useSubmit } from '../ui/useSubmit';
import { usePageTitle } from '../ui/usePageTitle';

interface Search {
  q: string;
  phase: Phase | '';
  openToOutsiders: boolean;
}

const PAGE = 25;

/**
 * Every proposal I may read, newest first, to search by text, phase, or those open to anyone affected: how
 * someone outside a circle finds a decision that touches them and joins it with a self-identified stake.
 */
export function ProposalsScreen() {
  const { t } = useI18n();
  const [search, setSearch] = useState<Search>({ q: '', phase: '', openToOutsiders: false });
  // what the list shows: the search as it was submitted, its proposals so far and the cursor of the next page
  const [found, setFound] = useState<{ search: Search; items: ProposalSummary[]; next: string | null } | null>(null);
  const load = useSubmit();

  const fetchPage = (s: Search, cursor?: string) =>
    call(
      api.GET('/api/v1/proposals', {
        params: {
          query: {
            limit: String(PAGE),
            ...(s.q.trim() ? { q: s.q.trim() } : {}),
            ...(s.phase ? { phase: s.phase } : {}),
            ...(s.openToOutsiders ? { openToOutsiders: true } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
  const run = (s: Search) =>
    void load.run(async () => {
      const page = await fetchPage(s);
      setFound({ search: s, items: page.items ?? [], next: page.next ?? null });
    });
  // the first search runs once, on opening; later ones when the form is submitted
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => run(search), []);

  usePageTitle(t('browse.title'));
  return (
    <section aria-labelledby="browse">
      <h1 id="browse">{t('browse.title')}</h1>
      <p>{t('browse.intro')}</p>
      <form
        className="form compact browse-form"
        role="search"
        aria-label={t('browse.title')}
        onSubmit={(e) => {
          e.preventDefault();
          run(search);
        }}
      >
        <label>
          {t('browse.text')}
          <input type="search" value={search.q} onChange={(e) => setSearch({ ...search, q: e.target.value })} />
        </label>
        <label>
          {t('browse.phase')}
          <select value={search.phase} onChange={(e) => setSearch({ ...search, phase: e.target.value as Phase | '' })}>
            <option value="">{t('browse.anyPhase')}</option>
            {(Object.keys(PHASE_KEYS) as Phase[]).map((p) => (
              <option key={p} value={p}>
                {t(PHASE_KEYS[p])}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={search.openToOutsiders}
            onChange={(e) => setSearch({ ...search, openToOutsiders: e.target.checked })}
          />{' '}
          {t('browse.openToOutsiders')}
        </label>
        <button type="submit" className="primary" disabled={load.busy}>
          {t('action.search')}
        </button>
      </form>
      <div className="panel" aria-live="polite" aria-busy={load.busy}>
        {load.error ? (
          <ErrorState error={load.error} retry={() => run(search)} />
        ) : !found ? (
          <LoadingState />
        ) : (
          <>
            <ProposalList proposals={found.items} empty={t('browse.none')} />
            {found.next && (
              <button
                type="button"
                disabled={load.busy}
                onClick={() =>
                  void load.run(async () => {
                    const page = await fetchPage(found.search, found.next ?? undefined);
                    setFound({ ...found, items: [...found.items, ...(page.items ?? [])], next: page.next ?? null });
                  })
                }
              >
                {t('browse.more')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
