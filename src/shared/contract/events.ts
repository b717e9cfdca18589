import { z } from 'zod';

/** What main tells the renderer changed, so the matching stores fetch again. */
export const STATE_TOPICS = [
  'settings',
  'vault',
  'accounts',
  'sessions',
  'loginSessions',
  'checklist',
  'notes',
  'managers',
  'activity',
  'storage',
  'monitor',
] as const;
export const stateTopicSchema = z.enum(STATE_TOPICS);
export type StateTopic = z.infer<typeof stateTopicSchema>;

export const eventContract = {
  stateChanged: z.object({ topics: z.array(stateTopicSchema).min(1) }),
  /**
   * The tray asked the window to show a screen (e.g. "Lockdown…"), for one account when
   * `accountId` is given (e.g. "All N sessions…" in that account's submenu).
   */
  navigate: z.object({ screen: z.string().max(40), accountId: z.string().max(200).optional() }),
} as const;
export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.infer<EventContract[E]>;
