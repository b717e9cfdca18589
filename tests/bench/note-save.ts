import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { call, createBenchCore, requireFeatures } from './app-scenario';
import { hrtimeMs, median, percentile, round, type BenchRow } from './lib';

const EXISTING = 5_000;
const SAVES = 41;
const TARGET_MS = 20;

/**
 * One autosave (`notes:save` through the real dispatcher: validation, service, atomic
 * write) while 5,000 notes of a few hundred characters exist. The notes are created the
 * same way first; each save changes a different note.
 */
export async function measureNoteSave(): Promise<BenchRow> {
  requireFeatures({ channels: ['notes:create', 'notes:save'] });
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'doorman-bench-notes-'));
  const core = createBenchCore(dataDir);
  try {
    const ids: string[] = [];
    const body = 'Agency contract: renew in March. Chat team works weekdays 9-17 CET. '.repeat(4);
    for (let i = 0; i < EXISTING; i++) {
      const note = (await call(core, 'notes:create', { text: `Note ${i}\n${body}` })) as {
        id: string;
      };
      ids.push(note.id);
    }
    const times: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const id = ids[(i * 997) % ids.length]!;
      const text = `Note edited ${i}\n${body}\nNew line ${i}`;
      const started = hrtimeMs();
      await call(core, 'notes:save', { id, text });
      times.push(hrtimeMs() - started);
    }
    const value = round(median(times), 2);
    return {
      id: 'notes',
      name: 'save one note among 5,000',
      value,
      unit: 'ms',
      target: `≤ ${TARGET_MS} ms`,
      pass: value <= TARGET_MS,
      runs: SAVES,
      note: `p90 ${round(percentile(times, 90), 2)} ms; real core, atomic write on disk`,
    };
  } finally {
    await core.stop();
    await fsp.rm(dataDir, { recursive: true, force: true });
  }
}
