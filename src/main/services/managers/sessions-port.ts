import type { IssuedSession } from '../../../shared/contract/managers';

/**
 * What the managers and report features need from the sessions feature. The sessions
 * service implements it and core connects it (`core.managers.connectSessions(...)`); until
 * then a manager's sessions are "unknown", never shown as none.
 */
export interface ManagerSessionsPort {
  /** Management sessions issued to this manager, past and present. */
  sessionsForManager(managerId: string): Promise<IssuedSession[]>;
  /** Every management session Doorman knows, for the evidence report. */
  allSessions(): Promise<IssuedSession[]>;
  /** Revokes one session through the gateway; throws DoormanError (e.g. offline) when it did not happen. */
  revoke(accountId: string, sessionId: string): Promise<void>;
}
