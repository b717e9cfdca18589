import { useEffect, useRef } from 'react';
import type { StateTopic } from '../../shared/contract';
import { api } from '../client';

type TopicListener = (topics: readonly StateTopic[]) => void;

/**
 * One bridge subscription fanned out to every interested store or screen, so a dozen
 * listeners do not become a dozen IPC listeners (Electron warns past ten).
 */
const listeners = new Set<TopicListener>();
let unsubscribeBridge: (() => void) | null = null;

function ensureBridgeSubscription(): void {
  if (unsubscribeBridge) return;
  unsubscribeBridge = api().onStateChanged(({ topics }) => {
    for (const listener of [...listeners]) listener(topics);
  });
}

/**
 * Calls `onChange` whenever main says one of `topics` changed. Usable outside React (stores).
 * Returns an unsubscribe function.
 */
export function subscribeToTopics(
  topics: StateTopic | readonly StateTopic[],
  onChange: (changed: readonly StateTopic[]) => void,
): () => void {
  const wanted = new Set(typeof topics === 'string' ? [topics] : topics);
  const listener: TopicListener = (changed) => {
    if (changed.some((topic) => wanted.has(topic))) onChange(changed);
  };
  listeners.add(listener);
  ensureBridgeSubscription();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
  };
}

/**
 * Refetches while the component is mounted whenever main reports a change to `topic`.
 * `refetch` may change between renders; the latest one is called.
 *
 *   useStateTopic('sessions', () => void useSessionsStore.getState().load(accountId));
 */
export function useStateTopic(
  topic: StateTopic | readonly StateTopic[],
  refetch: (changed: readonly StateTopic[]) => void,
): void {
  const latest = useRef(refetch);
  useEffect(() => {
    latest.current = refetch;
  });
  const key = typeof topic === 'string' ? topic : [...topic].sort().join(',');
  useEffect(() => {
    const topics = key.split(',') as StateTopic[];
    return subscribeToTopics(topics, (changed) => latest.current(changed));
  }, [key]);
}
