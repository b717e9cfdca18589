import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Badge,
  Button,
  EmptyState,
  ErrorMessage,
  Panel,
  Screen,
  Spinner,
} from '../../components';
import { errorText } from '../../components/ErrorMessage';
import { useFormat } from '../../format';
import { useStateTopic } from '../../hooks/useStateTopic';
import { useAccountsStore } from '../../stores/accounts';
import { useSelectionStore } from '../../stores/selection';
import { useVaultStore } from '../../stores/vault';
import { OnboardingScreen } from '../onboarding/OnboardingScreen';
import { AccountList } from './AccountList';
import { AccountSwitcher } from './AccountSwitcher';
import { ApiKeySection } from './ApiKeySection';
import { ConnectAccountForm } from './ConnectAccountForm';
import './accounts.css';

/** Connected accounts (last-known list with its time, offline marker), connect, disconnect. */
export function AccountsScreen() {
  const { t } = useTranslation('accounts');
  const format = useFormat();
  const vault = useVaultStore((s) => s.status);
  const vaultError = useVaultStore((s) => s.loadError);
  const list = useAccountsStore((s) => s.list);
  const loading = useAccountsStore((s) => s.loading);
  const loadError = useAccountsStore((s) => s.loadError);
  const [connecting, setConnecting] = useState(false);

  useEffect(() => {
    void useVaultStore.getState().load();
  }, []);
  const hasKey = vault?.isSet === true;
  useEffect(() => {
    if (hasKey) void useAccountsStore.getState().load();
  }, [hasKey]);
  useStateTopic('vault', () => void useVaultStore.getState().load());
  useStateTopic('accounts', () => void useAccountsStore.getState().load());

  if (vault === null) {
    return vaultError ? <ErrorMessage error={vaultError} variant="banner" /> : <Spinner />;
  }
  if (!vault.isSet) return <OnboardingScreen />;

  const accounts = list?.accounts ?? [];
  const offline = list?.offline === true;
  const description = list?.asOf ? (
    <span data-testid="accounts-as-of">
      {format.asOf(list.asOf)}{' '}
      {offline && (
        <Badge tone="warn" title={list.error ? errorText(t, list.error) : undefined}>
          {t('offline')}
        </Badge>
      )}
    </span>
  ) : (
    t('description')
  );

  return (
    <Screen
      title={t('title')}
      description={description}
      actions={
        <>
          <Button
            busy={loading}
            onClick={() => void useAccountsStore.getState().refresh()}
            disabled={connecting}
          >
            {t('refresh')}
          </Button>
          {!connecting && (
            <Button variant="primary" onClick={() => setConnecting(true)}>
              {t('connectAccount')}
            </Button>
          )}
        </>
      }
    >
      {offline && (
        <Alert tone="warning" title={t('offlineTitle')}>
          <p>{t('offlineBody', { time: list?.asOf ? format.dateTime(list.asOf) : '—' })}</p>
          {list?.error && <p>{errorText(t, list.error)}</p>}
        </Alert>
      )}
      {!offline && list?.error && <ErrorMessage error={list.error} variant="banner" />}
      {loadError && <ErrorMessage error={loadError} variant="banner" />}
      {(vault.backendChanged || vault.unreadable || vault.gatewayChanged) && (
        <Alert tone="warning" title={t('keyNeedsReentry')} />
      )}

      {connecting && (
        <Panel title={t('connectTitle')} id="connect-title">
          <ConnectAccountForm
            onConnected={(account) => {
              setConnecting(false);
              useSelectionStore.getState().selectAccount(account.accountId);
              void useAccountsStore.getState().load();
            }}
            onCancel={() => setConnecting(false)}
          />
        </Panel>
      )}

      <AccountSwitcher accounts={accounts} />
      {list === null && loading && <Spinner />}
      {list !== null && accounts.length === 0 && !connecting && (
        <EmptyState
          title={t('emptyTitle')}
          action={
            <Button variant="primary" onClick={() => setConnecting(true)}>
              {t('connectAccount')}
            </Button>
          }
        >
          <p>{t('emptyBody')}</p>
        </EmptyState>
      )}
      {accounts.length > 0 && <AccountList accounts={accounts} offline={offline} />}

      <ApiKeySection />
    </Screen>
  );
}
