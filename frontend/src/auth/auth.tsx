import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { configureAuth } from '../api/client';
import { navigate } from '../router/router';

/** What the service tells the UI at /config.json: where to sign in. */
interface ClientConfig {
  issuer: string;
  clientId: string;
}

export const CALLBACK_PATH = '/signed-in';

export interface Session {
  user: User;
  signOut: () => Promise<void>;
}

type AuthState =
  | { state: 'starting' }
  | { state: 'failed'; reason: string }
  | { state: 'signed-out'; signIn: () => Promise<void> }
  | { state: 'signed-in'; session: Session };

const AuthContext = createContext<AuthState>({ state: 'starting' });

export function useAuth(): AuthState {
  return useContext(AuthContext);
}

/** The signed-in session; only for components rendered inside a signed-in app. */
export function useSession(): Session {
  const auth = useAuth();
  if (auth.state !== 'signed-in') throw new Error('useSession outside a signed-in app');
  return auth.session;
}

function managerFor(config: ClientConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: origin + CALLBACK_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code', // with PKCE (S256), which oidc-client-ts always uses for the code flow
    scope: 'openid profile email',
    automaticSilentRenew: true, // refreshes the access token with the refresh token before it expires
    // shared by the tabs of this browser, so that a new tab is signed in (docs/decisions.md: tokens in localStorage)
    userStore: new WebStorageStateStore({ store: window.localStorage, prefix: USER_PREFIX }),
  });
}

const USER_PREFIX = 'oidc.';

/**
 * Calls `signedOut` when another tab of this browser signs out (its stored user is removed), and `changed` when
 * another tab signs in or refreshes the tokens. Returns the function that stops watching.
 */
export function watchOtherTabs(signedOut: () => void, changed: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.storageArea !== window.localStorage || event.key === null) {
      if (event.key === null) signedOut(); // localStorage.clear() in another tab
      return;
    }
    if (!event.key.startsWith(`${USER_PREFIX}user:`)) return;
    if (event.newValue === null) signedOut();
    else changed();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

/** Signs in with Keycloak (authorization code + PKCE) and hands the API client fresh tokens. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [auth, setAuth] = useState<AuthState>({ state: 'starting' });

  useEffect(() => {
    let cancelled = false;
    let stopWatching = () => undefined as void;
    const start = async () => {
      const response = await fetch('/config.json');
      if (!response.ok) throw new Error(`config.json: ${response.status}`);
      const manager = managerFor((await response.json()) as ClientConfig);
      const signIn = () => manager.signinRedirect({ state: window.location.pathname + window.location.search });
      let user: User | null;
      if (window.location.pathname === CALLBACK_PATH) {
        user = await manager.signinRedirectCallback();
        const back = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
        navigate(back, { replace: true });
      } else {
        user = await manager.getUser();
        if (user?.expired) user = await manager.signinSilent().catch(() => null);
      }
      configureAuth(
        async () => {
          const current = await manager.getUser();
          if (current && !current.expired) return current.access_token;
          const renewed = await manager.signinSilent().catch(() => null);
          return renewed?.access_token ?? null;
        },
        () => void manager.removeUser().then(() => !cancelled && setAuth({ state: 'signed-out', signIn })),
      );
      const signedIn = (u: User) =>
        setAuth({ state: 'signed-in', session: { user: u, signOut: () => manager.signoutRedirect() } });
      manager.events.addUserLoaded((u) => {
        if (!cancelled) signedIn(u);
      });
      manager.events.addUserSignedOut(() => void manager.removeUser());
      stopWatching = watchOtherTabs(
        () => !cancelled && setAuth({ state: 'signed-out', signIn }),
        () =>
          void manager.getUser().then((u) => {
            // a sign-in in another tab signs this one in; a refresh there changes nothing here (tokens are read anew)
            if (!cancelled && u && !u.expired)
              setAuth((now) =>
                now.state === 'signed-in'
                  ? now
                  : { state: 'signed-in', session: { user: u, signOut: () => manager.signoutRedirect() } },
              );
          }),
      );
      if (cancelled) return;
      if (user) signedIn(user);
      else setAuth({ state: 'signed-out', signIn });
    };
    start().catch((error: unknown) => !cancelled && setAuth({ state: 'failed', reason: String(error) }));
    return () => {
      cancelled = true;
      stopWatching();
    };
  }, []);

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
