#!/usr/bin/env node
// `npm run test:electron`: Playwright's `_electron.launch` on the built app. Runs only where
// the Electron binary is already installed; otherwise prints one line saying why and exits 0.
// It never asks electron's index.js for the path: that call downloads the binary when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules/electron');

/** The installed Electron executable, or the reason there is none. */
function findElectronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return {
      reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)',
    };
  }
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(binary)) {
    return {
      reason: `the Electron binary is not installed (${path.relative(root, binary)} is missing)`,
    };
  }
  return { binary };
}

function skip(reason) {
  console.log(`Electron end-to-end skipped: ${reason}.`);
  process.exit(0);
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

const found = findElectronBinary();
if (!found.binary) skip(found.reason);
if (!fs.existsSync(path.join(root, 'out/main/index.js'))) {
  console.error('out/main/index.js is missing: run `npm run build` first.');
  process.exit(1);
}

const env = { ...process.env, DOORMAN_ELECTRON_BINARY: found.binary };
let command = 'npx';
let args = [
  'playwright',
  'test',
  '--config',
  'playwright.electron.config.ts',
  ...process.argv.slice(2),
];
// Electron needs a display on Linux; a headless machine gets a virtual one when it can.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  if (!hasCommand('xvfb-run')) skip('no display (DISPLAY is unset and xvfb-run is not installed)');
  args = ['-a', command, ...args];
  command = 'xvfb-run';
}
const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, env });
process.exit(result.status ?? 1);
