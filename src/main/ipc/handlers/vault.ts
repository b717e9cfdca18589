import type { Handlers } from '../dispatcher';
import type { VaultService } from '../../services/vault';

/** The key goes in through `setKey`; every answer is `VaultStatus`, which cannot hold it. */
export function vaultHandlers(
  vault: VaultService,
): Pick<Handlers, 'vault:status' | 'vault:setKey' | 'vault:checkKey' | 'vault:removeKey'> {
  return {
    'vault:status': () => vault.status(),
    'vault:setKey': (input) => vault.setKey(input),
    'vault:checkKey': () => vault.checkKey(),
    'vault:removeKey': () => vault.removeKey(),
  };
}
