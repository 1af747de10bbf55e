import { isAdmin, useMe } from '../auth/me';
import { ActionsPanel } from '../home/ActionsPanel';
import { BudgetsPanel } from '../home/BudgetsPanel';
import { DelegationsPanel } from '../home/DelegationsPanel';
import { MyCirclesPanel } from '../home/MyCirclesPanel';
import { NotificationsPanel } from '../home/NotificationsPanel';
import { ProposalsAffectingMe } from '../home/ProposalsAffectingMe';
import { useI18n } from '../i18n/i18n';
import { usePageTitle } from '../ui/usePageTitle';

export function HomeScreen() {
  const { t } = useI18n();
  const me = useMe();
  usePageTitle(t('nav.home'));
  return (
    <>
      <h1>{t('home.title', { name: me.displayName ?? '' })}</h1>
      <div className="home-grid">
        <div className="main-column">
          <ActionsPanel />
          <ProposalsAffectingMe />
        </div>
        <div className="side-column">
          <NotificationsPanel />
          <MyCirclesPanel admin={isAdmin(me)} circles={me.circles ?? []} />
          <BudgetsPanel />
          <DelegationsPanel />
        </div>
      </div>
    </>
  );
}
