import type { Account } from '../../../shared/contract';

/** How an account is named in pickers: "@username", with the creator's own label when it differs. */
export function accountLabel(account: Pick<Account, 'username' | 'label'>): string {
  return account.label && account.label !== account.username
    ? `@${account.username} (${account.label})`
    : `@${account.username}`;
}
