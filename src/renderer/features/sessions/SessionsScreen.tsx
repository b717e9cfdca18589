import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Screen } from '../../components';
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!;
    setTab(next);
    document.getElementById(`sessions-tab-${next}`)?.focus();
  };

  return (
    <Screen title={t('title')} description={t('description')}>
      {!accountId ? (
        <EmptyState title={t('noAccount.title')}>{t('noAccount.body')}</EmptyState>
      ) : (
        <>
          <div
            role="tablist"
            aria-label={t('tabs.label')}
            className="sessions-tabs"
            onKeyDown={onKeyDown}
          >
            {TABS.map((id) => (
              <button
                key={id}
                id={`sessions-tab-${id}`}
                type="button"
                role="tab"
                className="sessions-tabs__tab"
                aria-selected={tab === id}
                aria-controls={`sessions-tabpanel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                onClick={() => setTab(id)}
              >
                {t(`tabs.${id}`)}
              </button>
            ))}
          </div>
          <div
            role="tabpanel"
            id={`sessions-tabpanel-${tab}`}
            aria-labelledby={`sessions-tab-${tab}`}
          >
            {tab === 'management' ? (
              <ManagementSessionsPanel key={accountId} accountId={accountId} />
            ) : (
              <LoginSessionsPanel key={accountId} accountId={accountId} />
            )}
          </div>
        </>
      )}
    </Screen>
  );
}
