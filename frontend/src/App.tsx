import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { ApiError, api, call } from './api/client';
import { useLoad } from './api/useLoad';
import { useAuth, useSession } from './auth/auth';
import { MeProvider } from './auth/me';
import { useI18n } from './i18n/i18n';
import { LanguagePicker } from './i18n/LanguagePicker';
import { Link, match, usePath } from './router/router';
import { NotificationBell } from './home/NotificationBell';
import { CirclesScreen } from './screens/CirclesScreen';
import { HomeScreen } from './screens/HomeScreen';
import { NewCircleScreen } from './screens/NewCircleScreen';
import { NotFoundScreen } from './screens/NotFoundScreen';
import { NotificationsScreen } from './screens/NotificationsScreen';
import { SignInScreen } from './screens/SignInScreen';
import { ErrorState, LoadingState, Region } from './ui/states';
import { focusMainHeading, usePageTitle } from './ui/usePageTitle';

// The screens of proposals and circles (with the Markdown renderer and the charts) load when first opened,
// so that signing in and the home screen need only the small first chunk.
const CircleScreen = lazy(() => import('./screens/CircleScreen').then((m) => ({ default: m.CircleScreen })));
const EditProposalScreen = lazy(() =>
  import('./screens/EditProposalScreen').then((m) => ({ default: m.EditProposalScreen })),
);
const NewProposalScreen = lazy(() =>
  import('./screens/NewProposalScreen').then((m) => ({ default: m.NewProposalScreen })),
);
const ProposalScreen = lazy(() => import('./screens/ProposalScreen').then((m) => ({ default: m.ProposalScreen })));
const LedgerScreen = lazy(() => import('./screens/LedgerScreen').then((m) => ({ default: m.LedgerScreen })));
const ProposalsScreen = lazy(() => import('./screens/ProposalsScreen').then((m) => ({ default: m.ProposalsScreen })));
const InvitationScreen = lazy(() =>
  import('./screens/InvitationScreen').then((m) => ({ default: m.InvitationScreen })),
);
const IntegrationsScreen = lazy(() =>
  import('./admin/IntegrationsScreen').then((m) => ({ default: m.IntegrationsScreen })),
);
const MailSettingsScreen = lazy(() =>
  import('./settings/MailSettingsScreen').then((m) => ({ default: m.MailSettingsScreen })),
);
const ResultsScreen = lazy(() => import('./screens/ResultsScreen').then((m) => ({ default: m.ResultsScreen })));

export function App() {
  const auth = useAuth();
  const { t } = useI18n();
  switch (auth.state) {
    case 'starting':
      return (
        <Frame>
          <LoadingState label={t('auth.starting')} />
        </Frame>
      );
    case 'failed':
      return (
        <Frame>
          <ErrorState error={new ApiError({ status: 0, detail: auth.reason })} />
        </Frame>
      );
    case 'signed-out':
      return (
        <Frame>
          <SignInScreen signIn={auth.signIn} />
        </Frame>
      );
    case 'signed-in':
      return <SignedInApp />;
  }
}

function SignedInApp() {
  const path = usePath();
  // Reloaded on every screen change: roles and circles change as people are added and circles created.
  const me = useLoad(() => call(api.GET('/api/v1/me')), [path]);
  return (
    <Frame user={me.state === 'ready' ? me.data.displayName : undefined}>
      <Region loaded={me}>
        {(data) => (
          <MeProvider me={data}>
            <Suspense fallback={<LoadingState />}>
              <Screens />
            </Suspense>
          </MeProvider>
        )}
      </Region>
    </Frame>
  );
}

/** The tab's title of a screen that sets none itself. */
function Titled({ title, children }: { title: string; children: ReactNode }) {
  usePageTitle(title);
  return <>{children}</>;
}

function Screens() {
  const { t } = useI18n();
  const path = usePath();
  let params: Record<string, string> | null;
  if (path === '/') return <HomeScreen />;
  if (path === '/circles') return <CirclesScreen />;
  if (path === '/notifications') return <NotificationsScreen />;
  if (path === '/admin/integrations') return <IntegrationsScreen />;
  if (path === '/settings/mail') return <MailSettingsScreen />;
  if (match('/circles/new', path)) return <NewCircleScreen />;
  if ((params = match('/circles/:circle/proposals/new', path))) return <NewProposalScreen circle={params.circle!} />;
  if ((params = match('/circles/:circle', path))) return <CircleScreen key={params.circle} circle={params.circle!} />;
  if ((params = match('/invitations/:token', path)))
    return <InvitationScreen key={params.token} token={params.token!} />;
  if (match('/proposals', path)) return <ProposalsScreen />;
  if ((params = match('/proposals/:id/results', path)))
    return (
      <Titled title={t('results.title')}>
        <ResultsScreen key={params.id} id={params.id!} />
      </Titled>
    );
  if ((params = match('/proposals/:id/ledger', path)))
    return (
      <Titled title={t('ledger.screenTitle')}>
        <LedgerScreen key={params.id} id={params.id!} />
      </Titled>
    );
  if ((params = match('/proposals/:id/edit', path))) return <EditProposalScreen key={params.id} id={params.id!} />;
  if ((params = match('/proposals/:id', path))) return <ProposalScreen key={params.id} id={params.id!} />;
  return <NotFoundScreen />;
}

/** Header with the language picker and, when signed in, the member's name and sign-out; then the screen. */
function Frame({ user, children }: { user?: string | undefined; children: ReactNode }) {
  const { t } = useI18n();
  const path = usePath();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    // not on the first screen (focus stays where the browser puts it), after every navigation
    if (first.current) {
      first.current = false;
      return;
    }
    return main.current ? focusMainHeading(main.current) : undefined;
  }, [path]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Devolve
        </Link>
        <nav aria-label={t('nav.label')} className="site-nav">
          {user !== undefined && (
            <>
              <Link to="/circles">{t('nav.circles')}</Link>
              <NotificationBell />
            </>
          )}
          <LanguagePicker />
          {user !== undefined && <UserMenu name={user} />}
        </nav>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
    </>
  );
}

function UserMenu({ name }: { name: string }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <span className="user-menu">
      <span className="user-name">{name}</span>
      <button type="button" className="link-button" onClick={() => void session.signOut()}>
        {t('auth.signOut')}
      </button>
    </span>
  );
}
