import type { TrackingMode } from '../../../shared/contract/sessions';
import { errorCodeOf, isUnreachable, toDoormanError } from './errors';
import { MANUAL_RECHECK_MS } from './store';

/** What both kinds of session keep per account about where their list comes from. */
export interface TrackedAccountState {
  mode: TrackingMode;
  /** Last time the gateway's routes were tried (manual mode retries rarely). */
  modeCheckedAt: string | null;
  offline: boolean;
}

/**
 * Whether a refresh asks the gateway: always in gateway mode or when the creator forces it;
 * in manual mode only once MANUAL_RECHECK_MS has passed since the routes were last tried.
 */
export function gatewayRefreshDue(
  state: TrackedAccountState,
  now: Date,
  force: boolean | undefined,
): boolean {
  if (state.mode !== 'manual' || force) return true;
  if (!state.modeCheckedAt) return true;
  return now.getTime() - Date.parse(state.modeCheckedAt) >= MANUAL_RECHECK_MS;
}

/**
 * One listing from the gateway for a refresh, as both kinds of session take it: a gateway
 * without the route switches the account to manual tracking and an unreachable one marks the
 * list offline, once (a list already offline is not marked, nor announced, again); both
 * answer null: keep what Doorman has. Any other failure is an error.
 */
export async function listForRefresh<R>(
  list: () => Promise<R[]>,
  state: TrackedAccountState,
  on: { switchToManual: () => void; markOffline: () => void },
): Promise<R[] | null> {
  try {
    return await list();
  } catch (error) {
    if (errorCodeOf(error) === 'unsupported') {
      on.switchToManual();
      return null;
    }
    if (isUnreachable(error)) {
      if (!state.offline) on.markOffline();
      return null;
    }
    throw toDoormanError(error, 'the list could not be refreshed');
  }
}
