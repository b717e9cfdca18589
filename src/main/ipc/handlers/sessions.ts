import type { Handlers } from '../dispatcher';
import type { SessionsService } from '../../services/sessions';

type SessionChannel = Extract<keyof Handlers, `sessions:${string}`>;

export function sessionsHandlers(sessions: SessionsService): Pick<Handlers, SessionChannel> {
  const management = sessions.management;
  return {
    'sessions:list': ({ accountId }) => management.list(accountId),
    'sessions:refresh': ({ accountId, force }) => management.refresh(accountId, { force }),
    'sessions:catalogue': ({ accountId }) => management.catalogue(accountId),
    'sessions:create': (input) => management.create(input),
    'sessions:copyLink': ({ copyToken }) => sessions.links.copy(copyToken),
    'sessions:forgetLink': ({ copyToken }) => {
      sessions.links.forget(copyToken);
      return null;
    },
    'sessions:edit': (input) => management.edit(input),
    'sessions:updateDetails': (input) => management.updateDetails(input),
    'sessions:revoke': ({ accountId, sessionId }) => management.revoke(accountId, sessionId),
    'sessions:revokeAll': ({ accountId }) => management.revokeAllManagementSessions(accountId),
    'sessions:recordManual': (input) => management.recordManual(input),
    'sessions:markRevoked': ({ accountId, sessionId }) =>
      management.markRevokedManually(accountId, sessionId),
  };
}
