import type { TFunction } from 'i18next';
import type { Account } from '../../../shared/contract';
import type { NoteTarget } from '../../../shared/domain/note-target';
import type { Manager } from '../../../shared/domain/manager';
import { useAccountsStore } from '../../stores/accounts';
import { useManagersStore } from '../../stores/managers';
import { accountLabel } from '../accounts/account-label';

/** What Doorman knows that names a note's target. */
export interface TargetNames {
  managers: readonly Manager[];
  accounts: readonly Account[];
}

const NO_ACCOUNTS: readonly Account[] = [];

/** The managers and accounts Doorman knows, from their stores. */
export function useTargetNames(): TargetNames {
  const managers = useManagersStore((s) => s.managers);
  const accounts = useAccountsStore((s) => s.list?.accounts) ?? NO_ACCOUNTS;
  return { managers, accounts };
}

/** "Account @anna", or the gateway id only for an account Doorman no longer knows. */
export function accountTargetLabel(
  t: TFunction,
  accountId: string,
  accounts: readonly Account[],
): string {
  const account = accounts.find((a) => a.accountId === accountId);
  return t('notes:target.account', { id: account ? accountLabel(account) : accountId });
}

/** "Manager: Star Agency", "Account @anna", "Free-standing". */
export function targetLabel(t: TFunction, target: NoteTarget, names: TargetNames): string {
  if (target.kind === 'none') return t('notes:target.none');
  if (target.kind === 'manager') {
    const name = names.managers.find((m) => m.id === target.id)?.name ?? target.id;
    return t('notes:target.manager', { name });
  }
  if (target.kind === 'account') return accountTargetLabel(t, target.id, names.accounts);
  return t(`notes:target.${target.kind}`, { id: target.id });
}

export function encodeTarget(target: NoteTarget): string {
  return target.kind === 'none' ? 'none' : `${target.kind}:${target.id}`;
}

export function decodeTarget(value: string): NoteTarget {
  const at = value.indexOf(':');
  if (value === 'none' || at < 0) return { kind: 'none' };
  const kind = value.slice(0, at) as Exclude<NoteTarget['kind'], 'none'>;
  return { kind, id: value.slice(at + 1) };
}
