import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Screen, Tabs } from '../../components';
import { useSelectionStore } from '../../stores/selection';
import { LoginSessionsPanel } from '../logins/LoginSessionsPanel';
import { ManagementSessionsPanel } from './ManagementSessionsPanel';
import './sessions.css';

const TABS = ['management', 'logins'] as const;
type Tab = (typeof TABS)[number];

/** Who can get in: management sessions and login sessions of the selected account, as two tabs. */
export function SessionsScreen() {
  const { t } = useTranslation('sessions');
  const accountId = useSelectionStore((s) => s.selectedAccountId);
  const [tab, setTab] = useState<Tab>('management');

  return (
    <Screen title={t('title')} description={t('description')}>
      {!accountId ? (
        <EmptyState title={t('noAccount.title')}>{t('noAccount.body')}</EmptyState>
      ) : (
        <Tabs
          label={t('tabs.label')}
          tabs={TABS.map((id) => ({ id, label: t(`tabs.${id}`) }))}
          selected={tab}
          onSelect={setTab}
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
