// Names only: the preload runs before every page load and must not evaluate the schemas.
import {
  CHANNEL_NAMES,
  EVENT_NAMES,
  eventChannel,
  subscriptionName,
} from '../shared/contract/channel-names';
import type { Api } from '../shared/contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.api` from the contract: one function per channel and one `on*` per event,
 * nothing else. No generic invoke is exposed, so the page can only ask for what the
 * contract names. Shared by the real preload and the web test bridge.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, verb] = channel.split(':') as [string, string];
    const namespace = (api[domain] ??= {}) as Record<string, unknown>;
    namespace[verb] = (input?: unknown) => invoke(channel, input);
  }
  for (const event of EVENT_NAMES) {
    api[subscriptionName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe(eventChannel(event), listener);
    };
  }
  return api as Api;
}
