import type { Handlers } from '../dispatcher';
import type { AccountsService } from '../../services/accounts';

export function accountsHandlers(
  accounts: AccountsService,
): Pick<
  Handlers,
  | 'accounts:list'
  | 'accounts:refresh'
  | 'accounts:connect'
  | 'accounts:verifyConnect'
  | 'accounts:cancelConnect'
  | 'accounts:disconnect'
> {
  return {
    'accounts:list': () => accounts.list(),
    'accounts:refresh': () => accounts.refresh(),
    'accounts:connect': (input) => accounts.connect(input),
    'accounts:verifyConnect': (input) => accounts.verifyConnect(input),
    'accounts:cancelConnect': ({ challengeId }) => {
      accounts.cancelConnect(challengeId);
      return null;
    },
    'accounts:disconnect': async ({ accountId }) => {
      await accounts.disconnect(accountId);
      return null;
    },
  };
}
