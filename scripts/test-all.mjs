#!/usr/bin/env node
// `npm test`: every tier in order, stopping at the first that fails.
import { spawnSync } from 'node:child_process';

const tiers = [
  ['static checks (lint, types, format)', 'npm', ['run', 'test:static']],
  ['Electron security review (Electronegativity)', 'npm', ['run', 'security-review']],
  ['build', 'npm', ['run', 'build']],
  ['unit and component tests', 'npm', ['run', 'test:unit']],
  ['web end-to-end (Playwright + Chromium)', 'npm', ['run', 'test:web']],
  ['Electron end-to-end', 'npm', ['run', 'test:electron']],
];

for (const [name, command, args] of tiers) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
