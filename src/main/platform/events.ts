import type { EventName, EventPayload, StateTopic } from '../../shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main-side events for the renderer. Adapters (Electron window, web test bridge) subscribe. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  changed(...topics: StateTopic[]): void {
    if (topics.length) this.emit('stateChanged', { topics });
  }
}
