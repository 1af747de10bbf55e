import { useState } from 'react';
import type { ApiError } from '../api/client';
import { ErrorState } from './states';
import { useSubmit } from './useSubmit';

/** A page of a list, as the API returns it: its items and the cursor of the next page, if any. */
export interface Page<T, C> {
  items?: T[] | undefined;
  next?: C | null | undefined;
}

export interface More<T, C> {
  items: T[];
  next: C | null;
  more: () => void;
  busy: boolean;
  error: ApiError | null;
}

/** A list shown page by page: starts with `first`, and `more()` appends the page after the last one. */
export function useMore<T, C>(first: Page<T, C>, fetchAfter: (cursor: C) => Promise<Page<T, C>>): More<T, C> {
  const [list, setList] = useState({ items: first.items ?? [], next: first.next ?? null });
  const load = useSubmit();
  const more = () => {
    if (list.next === null) return;
    const cursor = list.next;
    void load.run(async () => {
      const page = await fetchAfter(cursor);
      setList((shown) => ({ items: [...shown.items, ...(page.items ?? [])], next: page.next ?? null }));
    });
  };
  return { ...list, more, busy: load.busy, error: load.error };
}

/** What failed when loading more, and the button that loads the next page while there is one. */
export function MoreButton<T, C>({ list, label }: { list: More<T, C>; label: string }) {
  return (
    <>
      {list.error && <ErrorState error={list.error} />}
      {list.next !== null && (
        <button type="button" disabled={list.busy} onClick={list.more}>
          {label}
        </button>
      )}
    </>
  );
}
