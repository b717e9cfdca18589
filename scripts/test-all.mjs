#!/usr/bin/env node
// `npm test`: every tier in order. A failed build stops the run (later tiers would test
// stale output); failed checks are reported but the tests still run, so one lint error does
// not hide whether the app works. Test counts are summed into one last line,
// `N passed, N failed`, which is what CI reads. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = (name) => path.join(root, 'test-results', name);

/** Counts from a vitest JSON report. */
function vitestCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** Counts from a Playwright JSON report; errors outside tests (config, setup) count as failures. */
function playwrightCounts(file) {
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

const tiers = [
  { name: 'static checks (lint, types, format)', args: ['run', 'test:static'] },
  { name: 'Electron security review (Electronegativity)', args: ['run', 'security-review'] },
  { name: 'build', args: ['run', 'build'], gate: true },
  {
    name: 'unit and component tests',
    args: [
      'run',
      'test:unit',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results('unit-results.json')}`,
    ],
    report: results('unit-results.json'),
    counts: vitestCounts,
  },
  {
    name: 'web end-to-end (Playwright + Chromium)',
    args: ['run', 'test:web'],
    report: results('web-results.json'),
    counts: playwrightCounts,
  },
  {
    name: 'Electron end-to-end',
    args: ['run', 'test:electron'],
    report: results('electron-results.json'),
    counts: playwrightCounts,
    // No report and exit 0: the tier skipped itself and said why.
    optional: true,
  },
];

const total = { passed: 0, failed: 0, skipped: 0 };
const failedTiers = [];

for (const tier of tiers) {
  console.log(`\n=== ${tier.name} ===`);
  if (tier.report) fs.rmSync(tier.report, { force: true });
  const started = Date.now();
  const result = spawnSync('npm', tier.args, { stdio: 'inherit', cwd: root, env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;

  if (tier.report) {
    let counts = null;
    if (fs.existsSync(tier.report)) {
      try {
        counts = tier.counts(tier.report);
      } catch (error) {
        console.error(`could not read ${path.relative(root, tier.report)}: ${error.message}`);
      }
    }
    if (counts) {
      // A tier that failed without a failing test (a crash after the report) still fails.
      if (!ok && counts.failed === 0) counts.failed = 1;
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      console.log(
        `${ok ? '✓' : '✗'} ${tier.name}: ${counts.passed} passed, ${counts.failed} failed` +
          `${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${seconds}s)`,
      );
    } else if (ok && tier.optional) {
      console.log(`- ${tier.name}: skipped (${seconds}s)`);
    } else {
      total.failed += 1;
      console.error(`✗ ${tier.name} failed without a report after ${seconds}s`);
    }
    if (!ok || !counts) {
      if (!(ok && tier.optional)) failedTiers.push(tier.name);
    }
    continue;
  }

  if (ok) {
    console.log(`✓ ${tier.name} (${seconds}s)`);
    continue;
  }
  console.error(`✗ ${tier.name} failed after ${seconds}s`);
  failedTiers.push(tier.name);
  total.failed += 1;
  if (tier.gate) break;
}

console.log('');
if (failedTiers.length) console.log(`Failed: ${failedTiers.join('; ')}`);
if (total.skipped) console.log(`${total.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed`);
process.exit(failedTiers.length || total.failed ? 1 : 0);
