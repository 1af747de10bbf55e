import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ReactNode,
} from 'react';

/** A tiny router on the History API: the app's screens are a handful of paths (App.tsx), which need no library. */
const PathContext = createContext<string>('/');

interface LeaveGuard {
  blocks: () => boolean;
  message: string;
}
const guards = new Set<LeaveGuard>();
/** True while navigate() announces its own move, which it has already asked about. */
let navigating = false;

/** The question to ask before leaving, when a form on the screen holds unsaved text; null when none does. */
function leaveQuestion(): string | null {
  for (const guard of guards) if (guard.blocks()) return guard.message;
  return null;
}

/** Whether the person agrees to leave the screen (asked only when a form holds unsaved text). */
export function mayLeave(): boolean {
  const question = leaveQuestion();
  return question === null || window.confirm(question);
}

/**
 * While `blocks()` holds, leaving the screen asks `message` first: in-app links, Back and Forward (the move is
 * undone if the person stays), and the browser's own reload or close (beforeunload).
 */
export function useLeaveGuard(blocks: () => boolean, message: string): void {
  const guard = useRef<LeaveGuard>({ blocks, message });
  useLayoutEffect(() => {
    guard.current.blocks = blocks;
    guard.current.message = message;
  });
  useEffect(() => {
    const current = guard.current;
    guards.add(current);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!current.blocks()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      guards.delete(current);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);
}

export function navigate(to: string, { replace = false, force = false } = {}): void {
  if (!force && !mayLeave()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigating = true;
  try {
    window.dispatchEvent(new PopStateEvent('popstate'));
  } finally {
    navigating = false;
  }
  window.scrollTo(0, 0);
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(window.location.pathname);
  const shown = useRef(path);
  useEffect(() => {
    const onPop = () => {
      const next = window.location.pathname;
      // navigate() asked already (it dispatches popstate after pushState); Back and Forward ask here
      if (next !== shown.current && !navigating && !mayLeave()) {
        window.history.pushState(null, '', shown.current);
        return;
      }
      shown.current = next;
      setPath(next);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return <PathContext.Provider value={path}>{children}</PathContext.Provider>;
}

export function usePath(): string {
  return useContext(PathContext);
}

/** Matches `/proposals/:id/results` against a path; returns the named segments or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = decodeURIComponent(have[i]!);
    if (w.startsWith(':')) params[w.slice(1)] = h;
    else if (w !== h) return null;
  }
  return params;
}

export function Link({ to, children, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
