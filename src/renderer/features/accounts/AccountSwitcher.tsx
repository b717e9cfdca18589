import { useTranslation } from 'react-i18next';
import type { Account } from '../../../shared/contract';
import { Select } from '../../components';
import { useSelectionStore } from '../../stores/selection';
import { accountLabel } from './account-label';

/** Which account the other screens show; only when there is more than one. */
export function AccountSwitcher({ accounts }: { accounts: Account[] }) {
  const { t } = useTranslation('accounts');
  const selected = useSelectionStore((s) => s.selectedAccountId);
  if (accounts.length < 2) return null;
  return (
    <Select
      className="account-switcher"
      label={t('switcher')}
      value={selected ?? ''}
      onChange={(event) => useSelectionStore.getState().selectAccount(event.target.value || null)}
      options={accounts.map((a) => ({ value: a.accountId, label: accountLabel(a) }))}
    />
  );
}
