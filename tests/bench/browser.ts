import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { requireChromium } from '../../scripts/find-chromium.mjs';
import { REPO_ROOT } from '../web/bridge';

export const MINIMAL_OUT_DIR = path.join(REPO_ROOT, 'out/bench-minimal');

/** Builds tests/bench/minimal with the same Vite and React plugin as the renderer. */
export async function buildMinimalPage(): Promise<string> {
  await build({
    root: path.join(REPO_ROOT, 'tests/bench/minimal'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: MINIMAL_OUT_DIR, emptyOutDir: true },
  });
  return MINIMAL_OUT_DIR;
}

/** The same Chromium and flags as the web end-to-end tier (playwright.web.config.ts). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Heap figures need a GC the page can trigger and precise memory numbers.
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
    ],
  });
}

/** A condition the page must meet: at least `min` elements match every selector. */
export interface ReadyCondition {
  all: { selector: string; min: number }[];
}

/**
 * Installed before any page script: watches the DOM, and the first time the condition
 * holds it records that moment and the next frame after it (the paint that shows it), in
 * ms since navigation start (`performance.timeOrigin`).
 */
export function readyProbeScript(condition: ReadyCondition): string {
  return `(() => {
  const condition = ${JSON.stringify(condition)};
  let done = false;
  const holds = () => condition.all.every(({ selector, min }) => document.querySelectorAll(selector).length >= min);
  const check = () => {
    if (done || !holds()) return;
    done = true;
    observer.disconnect();
    const domAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      window.__benchReady = { domAt, paintAt: performance.now() };
    }, 0));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;
}

/** Waits for the probe and answers its paint time (ms since navigation start). */
export async function readyTime(page: Page, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction('window.__benchReady', undefined, {
    timeout: timeoutMs,
    polling: 50,
  });
  const ready = (await handle.jsonValue()) as { domAt: number; paintAt: number };
  return ready.paintAt;
}
