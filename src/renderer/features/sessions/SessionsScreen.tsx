import { useTranslation } from 'react-i18next';
import { EmptyState, Screen, Tabs } from '../../components';
import { useNavigationStore } from '../../stores/navigation';
import { useSelectionStore } from '../../stores/selection';
import { LoginSessionsPanel } from '../logins/LoginSessionsPanel';
import { ManagementSessionsPanel } from './ManagementSessionsPanel';
import './sessions.css';

const TABS = ['management', 'logins'] as const;
type Tab = (typeof TABS)[number];
const isTab = (id: string | null): id is Tab => (TABS as readonly (string | null)[]).includes(id);

/**
 * Who can get in: management sessions and login sessions of the selected account, as two tabs.
 * The tab lives in the navigation store, so "Review logins" and a new-login notification open
 * the login sessions (`navigate('sessions', { tab: 'logins' })`, or `sessions/logins` from main).
 */
export function SessionsScreen() {
  const { t } = useTranslation('sessions');
  const accountId = useSelectionStore((s) => s.selectedAccountId);
  const requested = useNavigationStore((s) => s.tab);
  const tab: Tab = isTab(requested) ? requested : 'management';

  return (
    <Screen title={t('title')} description={t('description')}>
      {!accountId ? (
        <EmptyState title={t('noAccount.title')}>{t('noAccount.body')}</EmptyState>
      ) : (
        <Tabs
          label={t('tabs.label')}
          tabs={TABS.map((id) => ({ id, label: t(`tabs.${id}`) }))}
          selected={tab}
          onSelect={useNavigationStore.getState().selectTab}
        >
          {tab === 'management' ? (
            <ManagementSessionsPanel key={accountId} accountId={accountId} />
          ) : (
            <LoginSessionsPanel key={accountId} accountId={accountId} />
          )}
        </Tabs>
      )}
    </Screen>
  );
}
