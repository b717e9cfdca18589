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
  /**
   * Clicked the moment it appears, as a creator with no reaction time would (used to go
   * from the start screen to the sessions screen). Matched by selector and exact text;
   * with `whenText`, only once the page shows that text (the start screen has loaded).
   */
  clickFirst?: { selector: string; text: string; whenText?: string };
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
  let clicked = !condition.clickFirst;
  const holds = () => condition.all.every(({ selector, min }) => document.querySelectorAll(selector).length >= min);
  const check = () => {
    if (done) return;
    if (!clicked) {
      const { selector, text, whenText } = condition.clickFirst;
      if (whenText && !(document.body?.textContent ?? '').includes(whenText)) return;
      const target = [...document.querySelectorAll(selector)].find((el) => el.textContent.trim() === text);
      if (!target) return;
      clicked = true;
      window.__benchClickedAt = performance.now();
      target.click();
    }
    if (!holds()) return;
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
  // A function, not a string: the app's CSP forbids string evaluation in the page.
  const handle = await page.waitForFunction(
    () => (globalThis as unknown as { __benchReady?: unknown }).__benchReady,
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
  const ready = (await handle.jsonValue()) as { domAt: number; paintAt: number };
  return ready.paintAt;
}
