import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchOtherTabs } from './auth';

const KEY = 'oidc.user:http://localhost:8180/realms/devolve:devolve-web';

/** What the browser delivers to the other tabs when one tab writes or removes the stored user. */
const fromOtherTab = (key: string | null, newValue: string | null) =>
  window.dispatchEvent(new StorageEvent('storage', { key, newValue, storageArea: window.localStorage }));

let stop = () => undefined as void;
afterEach(() => stop());

describe('the session shared by the tabs of a browser', () => {
  it('signs this tab out when another tab signs out', () => {
    const signedOut = vi.fn();
    const changed = vi.fn();
    stop = watchOtherTabs(signedOut, changed);
    fromOtherTab(KEY, null);
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(changed).not.toHaveBeenCalled();
  });

  it('hears another tab sign in or refresh its tokens, and nothing else', () => {
    const signedOut = vi.fn();
    const changed = vi.fn();
    stop = watchOtherTabs(signedOut, changed);
    fromOtherTab(KEY, '{"access_token":"…"}');
    fromOtherTab('devolve.language', 'fr');
    fromOtherTab('devolve.draft.m1.argument.p1', null);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(signedOut).not.toHaveBeenCalled();
  });

  it('stops listening when asked', () => {
    const signedOut = vi.fn();
    watchOtherTabs(signedOut, () => undefined)();
    fromOtherTab(KEY, null);
    expect(signedOut).not.toHaveBeenCalled();
  });
});
