import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

/**
 * Loads data for a screen region and reloads it when `deps` change or `reload()` is called. A reload keeps
 * showing the previous data (no flash of "loading"); answers of superseded loads are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> & { reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  // the latest loader, read by the effect below (a ref is written after render, never during it)
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    const ticket = ++latest.current;
    loadRef.current().then(
      (data) => ticket === latest.current && setLoaded({ state: 'ready', data }),
      (error: unknown) => ticket === latest.current && setLoaded({ state: 'error', error: ApiError.from(error) }),
    );
    // the caller names what the load depends on (deps), as for useMemo; the loader itself is read from the ref
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...loaded, reload };
}
