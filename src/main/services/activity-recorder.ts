import type { ActivityInput } from '../../shared/domain/activity';

/**
 * What services use to write to the activity log. The activity service implements it;
 * tests can pass `createMemoryRecorder()`.
 */
export interface ActivityRecorder {
  record(input: ActivityInput): void;
  /** Several at once, in order, in one write (a first refresh can find thousands). */
  recordMany?(inputs: readonly ActivityInput[]): void;
}

/** Records every input, in one write when the recorder can. */
export function recordAll(recorder: ActivityRecorder, inputs: readonly ActivityInput[]): void {
  if (inputs.length === 0) return;
  if (recorder.recordMany) recorder.recordMany(inputs);
  else for (const input of inputs) recorder.record(input);
}

export function createMemoryRecorder(): ActivityRecorder & { events: ActivityInput[] } {
  const events: ActivityInput[] = [];
  return { events, record: (input) => void events.push(input) };
}
