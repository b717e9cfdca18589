/**
 * A first refresh can find thousands of sessions at once; their activity entries are
 * written in one go, in order, and one bad entry does not cost the others.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityService } from '../../../src/main/services/activity/activity-service';
import { createMemoryRecorder, recordAll } from '../../../src/main/services/activity-recorder';
import type { ActivityInput } from '../../../src/shared/domain/activity';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function found(i: number): ActivityInput {
  return {
    kind: 'sessionNotFromDoorman',
    accountId: 'fansly_batch',
    subjectId: `s${i}`,
    summary: `Found “Manager ${i}”, not created in Doorman`,
  };
}

describe('recording activity in a batch', () => {
  it('keeps every entry, in order, after the ones already there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-activity-batch-'));
    dirs.push(dir);
    const activity = new ActivityService({ dataDir: dir, clock: () => new Date() });
    activity.record(found(-1));
    recordAll(
      activity,
      Array.from({ length: 1_000 }, (_, i) => found(i)),
    );
    const listed = activity.list({ limit: 2_000 }).entries;
    expect(listed).toHaveLength(1_001);
    // Newest first: the batch keeps its order after the earlier entry.
    expect(
      listed
        .map((e) => e.subjectId)
        .reverse()
        .slice(0, 3),
    ).toEqual(['s-1', 's0', 's1']);
    expect(new Set(listed.map((e) => e.id)).size).toBe(1_001);
  });

  it('skips an invalid entry and keeps the rest', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorman-activity-batch-'));
    dirs.push(dir);
    const activity = new ActivityService({ dataDir: dir, clock: () => new Date() });
    activity.recordMany([found(1), { kind: 'no such kind' } as unknown as ActivityInput, found(2)]);
    expect(activity.list({ limit: 10 }).entries.map((e) => e.subjectId)).toEqual(['s2', 's1']);
  });

  it('falls back to one by one for a recorder without batches', () => {
    const recorder = createMemoryRecorder();
    recordAll(recorder, [found(1), found(2)]);
    expect(recorder.events.map((e) => e.subjectId)).toEqual(['s1', 's2']);
  });
});
