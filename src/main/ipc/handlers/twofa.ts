import type { Handlers } from '../dispatcher';
import type { TwoFactorService } from '../../services/two-factor';

export function twofaHandlers(
  twoFactor: TwoFactorService,
): Pick<Handlers, 'twofa:send' | 'twofa:verify' | 'twofa:cancel'> {
  return {
    'twofa:send': ({ accountId }) => twoFactor.send(accountId),
    'twofa:verify': (input) => twoFactor.verify(input),
    'twofa:cancel': ({ challengeId }) => {
      twoFactor.cancel(challengeId);
      return null;
    },
  };
}
