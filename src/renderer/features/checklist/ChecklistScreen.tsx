import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountChecklist } from '../../../shared/domain/checklist';
import {
  Button,
  EmptyState,
  ErrorMessage,
  Panel,
  Screen,
  Spinner,
  StatusPill,
  useAsyncAction,
} from '../../components';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useChecklistStore } from '../../stores/checklist';
import { useLockdownStore } from '../../stores/lockdown';
import { useSelectionStore } from '../../stores/selection';
import { LockdownPanel } from '../lockdown/LockdownPanel';
import { ChecklistItemCard } from './ChecklistItemCard';
import { MonitorLine } from './MonitorLine';
import './checklist.css';

/** The security checklist per account, the app's overall state, and the way into lockdown. */
export function ChecklistScreen() {
  const { t } = useTranslation('checklist');
  const state = useChecklistStore((s) => s.state);
  const loadError = useChecklistStore((s) => s.loadError);
  // The account every screen shows (chosen on the Overview, Accounts, or here).
  const selectedAccountId = useSelectionStore((s) => s.selectedAccountId);
  const panelOpen = useLockdownStore((s) => s.panelOpen);

  useEffect(() => {
    void useChecklistStore.getState().load();
    void useChecklistStore.getState().loadMonitor();
    void useLockdownStore.getState().load();
  }, []);
  useStateTopic(
    ['checklist', 'sessions', 'loginSessions', 'accounts', 'managers', 'settings'],
    () => void useChecklistStore.getState().load(),
  );
  useStateTopic('monitor', () => void useChecklistStore.getState().loadMonitor());
  useStateTopic('checklist', () => void useLockdownStore.getState().load());

  const refresh = useAsyncAction(() => useChecklistStore.getState().refreshNow());
  const accounts = state?.accounts ?? [];
  const shown = accounts.find((a) => a.accountId === selectedAccountId) ?? accounts[0] ?? null;

  return (
    <Screen
      title={t('title')}
      description={t('description')}
      actions={
        <>
          <Button
            variant="secondary"
            busy={refresh.busy}
            onClick={() => void refresh.run()}
            disabled={accounts.length === 0}
          >
            {t('refreshNow')}
          </Button>
          <Button
            variant="danger"
            onClick={() => useLockdownStore.getState().openPanel()}
            disabled={accounts.length === 0}
          >
            {t('lockdown')}
          </Button>
        </>
      }
    >
      <MonitorLine />
      {refresh.error && <ErrorMessage error={refresh.error} />}
      {!state && loadError && (
        <ErrorMessage
          error={loadError}
          variant="banner"
          actions={
            <Button onClick={() => void useChecklistStore.getState().load()}>
              {t('common:retry')}
            </Button>
          }
        />
      )}
      {!state && !loadError && <Spinner label={t('common:loading')} showLabel />}
      {panelOpen && state && <LockdownPanel accounts={accounts} />}
      {state && accounts.length === 0 && (
        <EmptyState title={t('noAccounts.title')}>{t('noAccounts.body')}</EmptyState>
      )}
      {state && accounts.length > 0 && (
        <>
          <div className="checklist-summary" aria-label={t('summaryLabel')} role="group">
            <div className="checklist-summary__app">
              <span>{t('appState')}</span> <StatusPill state={state.overall} />
            </div>
            {accounts.length > 1 && (
              <ul className="checklist-summary__accounts">
                {accounts.map((a) => (
                  <li key={a.accountId}>
                    <button
                      type="button"
                      className="checklist-summary__account"
                      aria-pressed={a.accountId === shown?.accountId}
                      onClick={() => useSelectionStore.getState().selectAccount(a.accountId)}
                    >
                      <span>{a.label}</span> <StatusPill state={a.overall} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {shown && <AccountItems account={shown} />}
        </>
      )}
    </Screen>
  );
}

function AccountItems({ account }: { account: AccountChecklist }) {
  const { t } = useTranslation('checklist');
  const id = `checklist-account-${account.accountId}`;
  return (
    <Panel
      id={id}
      title={
        <>
          {t('accountTitle', { account: account.label })} <StatusPill state={account.overall} />
        </>
      }
      description={t(`rule.${account.overall}`)}
    >
      <ul className="checklist-items">
        {account.items.map((item) => (
          <ChecklistItemCard key={item.id} accountId={account.accountId} item={item} />
        ))}
      </ul>
    </Panel>
  );
}
