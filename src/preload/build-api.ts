import { CHANNELS, eventContract, subscriptionName, eventChannel } from '../shared/contract';
import type { Api, EventName } from '../shared/contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.api` from the contract: one function per channel and one `on*` per event,
 * nothing else. No generic invoke is exposed, so the page can only ask for what the
 * contract names. Shared by the real preload and the web test bridge.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const namespace = (api[domain] ??= {}) as Record<string, unknown>;
    namespace[verb] = (input?: unknown) => invoke(channel, input);
  }
  for (const event of Object.keys(eventContract) as EventName[]) {
    api[subscriptionName(event)] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return subscribe(eventChannel(event), listener);
    };
  }
  return api as Api;
}
