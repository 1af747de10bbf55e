import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useMe } from '../auth/me';
import { useI18n } from '../i18n/i18n';
import { useLeaveGuard } from '../router/router';

const PREFIX = 'devolve.draft.';

/** Where a member's draft of one form is kept: per member, so that another person on the device never sees it. */
export const draftKey = (memberId: string, scope: string) => `${PREFIX}${memberId}.${scope}`;

interface Stored<T> {
  value: T;
  savedAt: string;
}

function read<T>(key: string): Stored<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

export interface Draft<T> {
  value: T;
  set: (update: (current: T) => T) => void;
  /** The draft was restored from an earlier visit (reload, Back, a new sign-in), with when it was last typed. */
  restoredAt: string | null;
  /** Something differs from the form as it opened. */
  dirty: boolean;
  /** Throws the kept draft away and starts again from `initial`. */
  discard: () => void;
  /** The form was saved: the draft is no longer needed, and leaving needs no confirmation. */
  clear: () => void;
}

/**
 * A form's state, kept in localStorage under the signed-in member and `scope` as it is typed, so that nothing
 * written is lost to a reload, Back and Forward, navigation or an expired session: opening the form again
 * restores it. While it differs from `initial`, leaving asks first (in-app links, reload, closing the tab).
 */
export function useDraft<T>(scope: string, initial: T): Draft<T> {
  const me = useMe();
  const key = draftKey(me.id ?? 'anonymous', scope);
  const [stored] = useState(() => read<T>(key));
  const [value, setValue] = useState<T>(() => stored?.value ?? initial);
  const [restoredAt, setRestoredAt] = useState<string | null>(stored?.savedAt ?? null);
  const [initialJson] = useState(() => JSON.stringify(initial));
  const cleared = useRef(false);
  const dirty = JSON.stringify(value) !== initialJson;
  const dirtyRef = useRef(dirty);
  useLayoutEffect(() => {
    dirtyRef.current = dirty && !cleared.current;
  });

  useEffect(() => {
    if (cleared.current) return;
    if (dirty) window.localStorage.setItem(key, JSON.stringify({ value, savedAt: new Date().toISOString() }));
    else window.localStorage.removeItem(key);
  }, [key, value, dirty]);

  const { t } = useI18n();
  useLeaveGuard(() => dirtyRef.current, t('draft.leave'));

  const set = useCallback((update: (current: T) => T) => {
    cleared.current = false;
    setValue(update);
  }, []);
  const discard = useCallback(() => {
    window.localStorage.removeItem(key);
    setRestoredAt(null);
    setValue(JSON.parse(initialJson) as T);
  }, [key, initialJson]);
  const clear = useCallback(() => {
    cleared.current = true;
    dirtyRef.current = false;
    window.localStorage.removeItem(key);
    setRestoredAt(null);
  }, [key]);
  return { value, set, restoredAt, dirty, discard, clear };
}
