// Finds a Chromium for the browser tier. Playwright is never allowed to download one: this
// project's tests run where downloads are blocked, and CI installs Debian's package instead.
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM_ENV = 'DOORMAN_CHROMIUM';

const ABSOLUTE_CANDIDATES = [
  // Debian's /usr/bin/chromium is a shell wrapper; the binary behind it starts faster and quieter.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];
const PATH_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to drive: `$DOORMAN_CHROMIUM` when set (it must exist), else the first
 * well-known install, else one on PATH. Returns null when there is none.
 */
export function findChromium(env = process.env) {
  const named = env[CHROMIUM_ENV];
  if (named) {
    if (!isExecutable(named)) {
      throw new Error(`${CHROMIUM_ENV}=${named} is not an executable file.`);
    }
    return named;
  }
  for (const candidate of ABSOLUTE_CANDIDATES) if (isExecutable(candidate)) return candidate;
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/** Like `findChromium`, but explains how to fix a missing browser instead of returning null. */
export function requireChromium(env = process.env) {
  const found = findChromium(env);
  if (found) return found;
  throw new Error(
    `No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install chromium) ` +
      `or set ${CHROMIUM_ENV} to the path of a Chromium or Chrome executable.`,
  );
}
