#!/usr/bin/env node
// `npm run security-review`: Electronegativity over src/, failing on any finding that
// tools/electronegativity/false-positives.json does not explain.
//
// Electronegativity lives in its own package (tools/electronegativity) because it brings
// TypeScript 4.2 and ESLint 7, which must never meet the app's own toolchain. It is
// installed from its lockfile the first time this runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const toolDir = path.join(root, 'tools/electronegativity');
const falsePositivesFile = path.join(toolDir, 'false-positives.json');
const scanned = path.join(root, 'src');

/** The Electron the app ships; read from package.json so the checks use its defaults. */
function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error(`package.json must pin electron exactly (found ${version})`);
  }
  return version;
}

function ensureInstalled() {
  const marker = path.join(toolDir, 'node_modules/@doyensec/electronegativity/package.json');
  if (fs.existsSync(marker)) return;
  console.log('Installing Electronegativity into tools/electronegativity (first run)…');
  const result = spawnSync(
    'npm',
    ['ci', '--prefix', toolDir, '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit', cwd: root },
  );
  if (result.status !== 0 || !fs.existsSync(marker)) {
    console.error('✗ Could not install Electronegativity (npm ci in tools/electronegativity).');
    process.exit(1);
  }
}

/**
 * Checks left out, each with the reason. AvailableSecurityFixesGlobalCheck downloads
 * Electron's release list from GitHub with no timeout (it would hang offline); keeping
 * Electron current is dependency upkeep, not something the sources can get wrong.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function loadFalsePositives() {
  const entries = JSON.parse(fs.readFileSync(falsePositivesFile, 'utf8'));
  for (const entry of entries) {
    for (const key of ['check', 'file', 'sample', 'reason']) {
      if (typeof entry[key] !== 'string' || !entry[key].trim()) {
        throw new Error(`false-positives.json: every entry needs a non-empty "${key}"`);
      }
    }
  }
  return entries;
}

/**
 * An entry explains a finding of its check in its file (or under `dir/**`) whose sample
 * contains its `sample` (equals it, with `exact`: used for the CSP, so any change to the
 * policy is reviewed again), and, with `confirm`, only while the file (or `confirmIn`)
 * still matches that pattern: the reason the finding is false, e.g. the window options
 * still come from mainWindowOptions().
 */
function explains(fp, check, file, sample) {
  if (fp.check !== check || !sameFile(fp.file, file)) return false;
  if (fp.exact ? sample.trim() !== fp.sample : !sample.includes(fp.sample)) return false;
  if (fp.confirm) {
    const source = fs.readFileSync(path.join(scanned, fp.confirmIn ?? file), 'utf8');
    if (!new RegExp(fp.confirm).test(source)) return false;
  }
  return true;
}

/** `dir/**` covers every file under `dir`; anything else names one file. */
function sameFile(pattern, file) {
  return pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : pattern === file;
}

async function main() {
  ensureInstalled();
  const require = createRequire(path.join(toolDir, 'package.json'));
  const run = require('@doyensec/electronegativity');
  const falsePositives = loadFalsePositives();

  // The tool fetches translations with a 1 s timeout and says so on stdout; keep it quiet.
  const log = console.log;
  console.log = () => undefined;
  let report;
  try {
    report = await run({
      input: scanned,
      isRelative: true,
      electronVersionOverride: electronVersion(),
      excludeFromScan: EXCLUDED_CHECKS,
    });
  } finally {
    console.log = log;
  }

  const problems = [];
  for (const error of report.errors) {
    // A file the tool cannot parse is a file it did not review: that is a failure too.
    if (!error.tolerable) problems.push(`could not parse src/${error.file}: ${error.message}`);
  }

  const used = new Set();
  const explained = [];
  for (const issue of report.issues) {
    const file = issue.file.split(path.sep).join('/');
    const sample = String(issue.sample ?? '');
    const match = falsePositives.find((fp) => explains(fp, issue.id, file, sample));
    const where = `src/${file}:${issue.location.line}:${issue.location.column}`;
    if (match) {
      used.add(match);
      explained.push(`  ${issue.id} at ${where}: ${match.reason}`);
    } else {
      problems.push(
        `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) at ${where}\n    ${sample.trim()}\n    ${issue.description} ${issue.shortenedURL ?? ''}`,
      );
    }
  }

  console.log(
    `Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ` +
      `${report.globalChecks + report.atomicChecks} checks over src/ (Electron ${electronVersion()}), ` +
      `${report.issues.length} findings, ${explained.length} recorded as false positives.`,
  );
  if (explained.length) console.log(`Recorded false positives:\n${explained.join('\n')}`);
  for (const fp of falsePositives) {
    if (!used.has(fp)) {
      console.log(`note: false positive no longer found, remove it: ${fp.check} in ${fp.file}`);
    }
  }
  if (problems.length) {
    console.error(`\n✗ ${problems.length} finding(s) to fix or record with a reason in`);
    console.error(`  tools/electronegativity/false-positives.json:\n`);
    for (const problem of problems) console.error(`- ${problem}`);
    process.exit(1);
  }
  console.log('✓ security review: nothing unexplained');
}

main().catch((error) => {
  console.error(`✗ security review could not run: ${error?.stack ?? error}`);
  process.exit(1);
});
