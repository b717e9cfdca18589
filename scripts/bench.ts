// `npm run bench`: Doorman's performance figures on this machine, each a median of several
// runs, printed as a table with its target. Not part of `npm test`: nothing here is a timed
// test. A figure whose feature does not exist yet is printed as "not measured: <reason>".
//
//   npm run bench                 build, then measure everything
//   npm run bench -- --no-build   reuse out/ as it is
//   npm run bench -- --only=bundle,notes
import '../tests/web/env';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { createAppScenario, type AppScenario } from '../tests/bench/app-scenario';
import { buildMinimalPage, launchChromium } from '../tests/bench/browser';
import { measureBundleSize } from '../tests/bench/bundle-size';
import { measureColdStart } from '../tests/bench/cold-start';
import { measureGatewayRefresh } from '../tests/bench/gateway-refresh';
import { measureHeap } from '../tests/bench/heap';
import { NotMeasured, formatTable, notMeasured, type BenchRow } from '../tests/bench/lib';
import { measureNoteSave } from '../tests/bench/note-save';
import { measureSearch } from '../tests/bench/search';
import { REPO_ROOT, RENDERER_DIR } from '../tests/web/bridge';

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const wanted = (id: string) => !only || only.includes(id);

interface Bench {
  id: string;
  name: string;
  unit: string;
  target: string;
  run(): Promise<BenchRow>;
}

let browser: Browser | null = null;
let minimalDir: string | null = null;
const scenarios = new Map<number, Promise<AppScenario>>();

async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

/** One seeded app per size, shared by the benchmarks that need it. */
function scenario(sessionCount: number): Promise<AppScenario> {
  let pending = scenarios.get(sessionCount);
  if (!pending) {
    pending = createAppScenario(sessionCount);
    scenarios.set(sessionCount, pending);
  }
  return pending;
}

const benches: Bench[] = [
  {
    id: 'cold-start',
    name: 'cold start: 200 sessions vs minimal React page',
    unit: '×',
    target: '≤ 1.5×',
    run: async () => {
      minimalDir ??= await buildMinimalPage();
      return measureColdStart(await getBrowser(), minimalDir, await scenario(200));
    },
  },
  {
    id: 'search',
    name: 'search-as-you-type, 10,000 sessions: keystroke → paint',
    unit: 'ms',
    target: '≤ 16 ms',
    run: async () => measureSearch(await getBrowser(), await scenario(10_000)),
  },
  {
    id: 'bundle',
    name: 'renderer JS on first load (gzip)',
    unit: 'KB',
    target: '≤ 250 KB',
    run: async () => measureBundleSize(RENDERER_DIR),
  },
  {
    id: 'gateway',
    name: 'refresh 50 accounts (100 ms latency, 600/min)',
    unit: '× ideal',
    target: '≤ 1.2× ideal, 0 × 429',
    run: () => measureGatewayRefresh(),
  },
  {
    id: 'notes',
    name: 'save one note among 5,000',
    unit: 'ms',
    target: '≤ 20 ms',
    run: () => measureNoteSave(),
  },
  {
    id: 'heap',
    name: 'renderer JS heap, 10,000 sessions listed',
    unit: 'MB',
    target: '≤ 80 MB',
    run: async () => measureHeap(await getBrowser(), await scenario(10_000)),
  },
];

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    console.log('Building the app (electron-vite build)…');
    const built = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error('electron-vite build failed');
  }
  const rows: BenchRow[] = [];
  for (const bench of benches.filter((b) => wanted(b.id))) {
    const started = Date.now();
    process.stdout.write(`• ${bench.name} … `);
    let row: BenchRow;
    try {
      row = await bench.run();
    } catch (error) {
      const reason =
        error instanceof NotMeasured
          ? error.message
          : `the run failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
      row = notMeasured(bench, reason);
    }
    rows.push(row);
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const pending of scenarios.values()) await (await pending.catch(() => null))?.close();
  await browser?.close();

  console.log(`\nDoorman benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
  console.log(formatTable(rows));
  const outDir = path.join(REPO_ROOT, 'test-results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify(rows, null, 2));
  console.log(`\n(also in test-results/bench.json)`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(error);
    await browser?.close().catch(() => undefined);
    process.exit(1);
  },
);
