import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contract';
import { Badge, Button, ConfirmDialog } from '../../components';
import { useAccountsStore } from '../../stores/accounts';
import { useSelectionStore } from '../../stores/selection';

/** Connected accounts; the selected one is what the other screens show. */
export function AccountList({ accounts, offline }: { accounts: Account[]; offline: boolean }) {
  const { t } = useTranslation('accounts');
  const selected = useSelectionStore((s) => s.selectedAccountId);
  const [disconnecting, setDisconnecting] = useState<Account | null>(null);

  return (
    <>
      <ul className="account-list" aria-label={t('listLabel')}>
        {accounts.map((account) => (
          <li
            key={account.accountId}
            className="account-list__item"
            data-testid="account-row"
            aria-current={account.accountId === selected ? 'true' : undefined}
          >
            <div className="account-list__names">
              <strong>{account.displayName ?? account.username}</strong>{' '}
              <span className="account-list__username">@{account.username}</span>
              {account.label && account.label !== account.username && (
                <span className="account-list__label"> · {account.label}</span>
              )}
            </div>
            <div className="account-list__state">
              {account.connectionState === 'connected' && (
                <Badge tone="good">{t('state.connected')}</Badge>
              )}
              {account.connectionState === 'needsReconnect' && (
                <Badge tone="danger">{t('state.needsReconnect')}</Badge>
              )}
              {account.connectionState === 'unknown' && (
                <Badge tone="neutral">{t('state.unknown')}</Badge>
              )}
            </div>
            <div className="account-list__actions">
              {accounts.length > 1 && account.accountId !== selected && (
                <Button
                  size="small"
                  onClick={() => useSelectionStore.getState().selectAccount(account.accountId)}
                >
                  {t('select')}
                </Button>
              )}
              <Button
                size="small"
                variant="danger"
                disabled={offline}
                title={offline ? t('offlineNoChanges') : undefined}
                onClick={() => setDisconnecting(account)}
              >
                {t('disconnect')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={disconnecting !== null}
        title={t('disconnectTitle', { username: disconnecting?.username ?? '' })}
        confirmLabel={t('disconnectConfirm')}
        variant="danger"
        onConfirm={async () => {
          if (!disconnecting) return;
          await useAccountsStore.getState().disconnect(disconnecting.accountId);
          setDisconnecting(null);
        }}
        onCancel={() => setDisconnecting(null)}
      >
        <p>{t('disconnectBody')}</p>
        <p>{t('disconnectFinal')}</p>
      </ConfirmDialog>
    </>
  );
}
