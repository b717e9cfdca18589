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
  /** The tray asked the window to show a screen (e.g. "Lockdown…"). */
  navigate: z.object({ screen: z.string().max(40) }),
} as const;
export type EventContract = typeof eventContract;
export type EventName = keyof EventContract;
export type EventPayload<E extends EventName> = z.infer<EventContract[E]>;
