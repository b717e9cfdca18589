import type { Browser } from '@playwright/test';
import { startRendererServer } from '../web/bridge';
import { readyProbeScript, readyTime, type ReadyCondition } from './browser';
import { median, percentile, round, type BenchRow } from './lib';
import type { AppScenario } from './app-scenario';

const RUNS = 11;
const TARGET_RATIO = 1.5;
const MINIMAL_READY: ReadyCondition = { all: [{ selector: 'button[data-bench-ready]', min: 1 }] };

/**
 * Navigation → interactive, for the built app's start screen (the overview: who can get in,
 * listing 200 active management sessions as buttons) and for the minimal React page,
 * alternated in one browser, each in a fresh context (no cache) and, for the app, a fresh
 * core on the same data (as a restart would be), after one warm-up of each.
 */
export async function measureColdStart(
  browser: Browser,
  minimalDir: string,
  app: AppScenario,
): Promise<BenchRow> {
  const minimalServer = await startRendererServer(minimalDir);
  const minimalTimes: number[] = [];
  const appTimes: number[] = [];
  /** Requests over the bridge until then (each a Playwright binding round trip here). */
  const bridgeCalls: number[] = [];
  /** The app's own start marks (src/renderer/boot-marks.ts), ms since navigation. */
  const marks: Record<string, number[]> = {};
  try {
    const runMinimal = async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript({ content: readyProbeScript(MINIMAL_READY) });
      await page.goto(`${minimalServer.origin}/index.html`, { waitUntil: 'commit' });
      const time = await readyTime(page);
      await context.close();
      return time;
    };
    const runApp = async () => {
      const opened = await app.openPage(browser, { probe: readyProbeScript(app.readyCondition) });
      try {
        const ready = await readyTime(opened.page);
        const seen = await opened.page.evaluate(() =>
          performance
            .getEntriesByType('mark')
            .filter((mark) => mark.name.startsWith('doorman:'))
            .map((mark) => [mark.name.slice('doorman:'.length), mark.startTime] as const),
        );
        for (const [name, at] of seen) (marks[name] ??= []).push(at);
        bridgeCalls.push(opened.traffic.filter((entry) => entry.kind === 'request').length);
        return ready;
      } finally {
        await opened.close();
      }
    };
    await runMinimal();
    await runApp();
    for (let i = 0; i < RUNS; i++) {
      minimalTimes.push(await runMinimal());
      appTimes.push(await runApp());
    }
  } finally {
    await minimalServer.close();
  }
  const minimal = median(minimalTimes);
  const appTime = median(appTimes);
  const ratio = round(appTime / minimal, 2);
  // Each app start against the minimal start just before it: how much the ratio moves.
  const pairRatios = appTimes.map((time, i) => time / minimalTimes[i]!);
  return {
    id: 'cold-start',
    name: `cold start: ${app.sessionCount} sessions vs minimal React page`,
    value: ratio,
    unit: '×',
    target: `≤ ${TARGET_RATIO}×`,
    pass: ratio <= TARGET_RATIO,
    runs: RUNS,
    note:
      `app ${round(appTime)} ms vs minimal ${round(minimal)} ms (medians); pair by pair ` +
      `${round(percentile(pairRatios, 25), 2)}–${round(percentile(pairRatios, 75), 2)}× ` +
      `(middle half); app marks: ` +
      `${Object.entries(marks)
        .map(([name, times]) => `${name} ${round(median(times))}`)
        .join(', ')} ms; ${median(bridgeCalls)} bridge requests by then`,
  };
}
