import type { Handlers } from '../dispatcher';
import type { LockdownService } from '../../services/lockdown';

export function lockdownHandlers(
  lockdown: LockdownService,
): Pick<
  Handlers,
  | 'lockdown:start'
  | 'lockdown:state'
  | 'lockdown:retry'
  | 'lockdown:dismiss'
  | 'lockdown:revokeRequest'
  | 'lockdown:clearRevokeRequest'
  | 'lockdown:revokeSession'
> {
  return {
    'lockdown:start': (scope) => lockdown.start(scope),
    'lockdown:state': () => lockdown.state(),
    'lockdown:retry': () => lockdown.retry(),
    'lockdown:dismiss': () => {
      lockdown.dismiss();
      return null;
    },
    'lockdown:revokeRequest': () => lockdown.pendingRevoke(),
    'lockdown:clearRevokeRequest': () => {
      lockdown.clearRevokeRequest();
      return null;
    },
    'lockdown:revokeSession': async ({ accountId, sessionId }) => {
      await lockdown.revokeSession(accountId, sessionId);
      return null;
    },
  };
}
