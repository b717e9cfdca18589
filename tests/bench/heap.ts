import type { Browser } from '@playwright/test';
import type { AppScenario } from './app-scenario';
import { readyProbeScript, readyTime } from './browser';
import { median, round, type BenchRow } from './lib';

const RUNS = 5;
const TARGET_MB = 80;

/**
 * The renderer's JS heap with 10,000 sessions listed: the sessions screen loaded and
 * settled, a full garbage collection through the DevTools protocol, then
 * `Runtime.getHeapUsage` (used bytes). A fresh page per run.
 */
export async function measureHeap(browser: Browser, app: AppScenario): Promise<BenchRow> {
  const used: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const opened = await app.openPage(browser, {
      probe: readyProbeScript(app.sessionsReadyCondition),
    });
    try {
      await readyTime(opened.page);
      await opened.page.waitForTimeout(1_000);
      const cdp = await opened.page.context().newCDPSession(opened.page);
      await cdp.send('HeapProfiler.enable');
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      used.push(usage.usedSize / 2 ** 20);
      total.push(usage.totalSize / 2 ** 20);
      await cdp.detach();
    } finally {
      await opened.close();
    }
  }
  const value = round(median(used), 1);
  return {
    id: 'heap',
    name: 'renderer JS heap, 10,000 sessions listed',
    value,
    unit: 'MB',
    target: `≤ ${TARGET_MB} MB`,
    pass: value <= TARGET_MB,
    runs: RUNS,
    note: `used after a forced GC; heap reserved ${round(median(total), 1)} MB`,
  };
}
