import type { ActivityInput } from '../../shared/domain/activity';

/**
 * What services use to write to the activity log. The activity service implements it;
 * tests can pass `createMemoryRecorder()`.
 */
export interface ActivityRecorder {
  record(input: ActivityInput): void;
}

export function createMemoryRecorder(): ActivityRecorder & { events: ActivityInput[] } {
  const events: ActivityInput[] = [];
  return { events, record: (input) => void events.push(input) };
}
