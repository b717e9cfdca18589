import type { Handlers } from '../dispatcher';
import type { SessionsService } from '../../services/sessions';

type LoginChannel = Extract<keyof Handlers, `logins:${string}`>;

export function loginsHandlers(sessions: SessionsService): Pick<Handlers, LoginChannel> {
  const logins = sessions.logins;
  return {
    'logins:list': ({ accountId }) => logins.list(accountId),
    'logins:refresh': ({ accountId, force }) => logins.refresh(accountId, { force }),
    'logins:markViewed': ({ accountId }) => {
      logins.markViewed(accountId);
      return null;
    },
    'logins:recognise': ({ accountId, sessionId }) => logins.recognise(accountId, sessionId),
    'logins:close': ({ accountId, sessionId }) => logins.close(accountId, sessionId),
    'logins:closeOthers': ({ accountId }) => logins.closeOtherLoginSessions(accountId),
    'logins:recordManual': (input) => logins.recordManual(input),
    'logins:markClosed': ({ accountId, sessionId }) =>
      logins.markClosedManually(accountId, sessionId),
  };
}
