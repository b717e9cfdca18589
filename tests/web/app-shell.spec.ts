import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import { REPO_ROOT } from './bridge';
import { expect, test } from './fixtures';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results/screenshots');

async function openSettings(page: Page, name = 'Settings') {
  await page.getByRole('navigation').getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** axe-core on the current page; only what blocks people (serious, critical) fails. */
async function blockingViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
}

test('switches to Russian and back, and every label follows', async ({ app, bridge }) => {
  await openSettings(app);
  await app.getByRole('combobox', { name: 'Language' }).selectOption('ru');

  await expect(app.getByRole('heading', { level: 2, name: 'Настройки' })).toBeVisible();
  await expect(
    app.getByRole('navigation').getByRole('button', { name: 'Настройки' }),
  ).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'ru');
  await expect.poll(() => bridge.core.settings.get().language).toBe('ru');

  await app.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await expect(app.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await expect(app.getByRole('navigation').getByRole('button', { name: 'Accounts' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(() => bridge.core.settings.get().language).toBe('en');
  expect(bridge.pageErrors).toEqual([]);
});

test('keeps a changed setting after Doorman restarts', async ({ app, bridge }) => {
  await openSettings(app);
  await app.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  // A controlled switch: it shows the new state once main has saved it.
  await app.getByRole('switch', { name: 'Start in the tray' }).click();
  await expect(app.getByRole('switch', { name: 'Start in the tray' })).toBeChecked();
  await expect
    .poll(() => bridge.core.settings.get())
    .toMatchObject({
      theme: 'dark',
      startHidden: true,
    });
  // Start-hidden changes how the login item starts Doorman, so it was re-registered.
  expect(bridge.loginItemCalls).toEqual([{ enabled: false, startHidden: true }]);

  await bridge.restart();

  // A new core read the same files; the new page asked it, not a cache in the page.
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await openSettings(app);
  await expect(app.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(app.getByRole('switch', { name: 'Start in the tray' })).toBeChecked();
  await expect(app.getByRole('switch', { name: 'Open Doorman when I log in' })).not.toBeChecked();
});

test('the main screen in light and dark themes: screenshots and no serious accessibility problems', async ({
  app,
  bridge,
}) => {
  test.slow(); // four axe scans and four screenshots; a busy 2-core CI box needs the time
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const backgrounds: Record<string, string> = {};
  for (const theme of ['light', 'dark'] as const) {
    await bridge.core.settings.set({ theme });
    await app.reload();
    await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
    backgrounds[theme] = await app.evaluate(() => {
      const g = globalThis as unknown as {
        getComputedStyle(e: unknown): { backgroundColor: string };
        document: { body: unknown };
      };
      return g.getComputedStyle(g.document.body).backgroundColor;
    });
    await app.screenshot({ path: path.join(SCREENSHOTS, `main-${theme}.png`), fullPage: true });
    expect(await blockingViolations(app), `main screen, ${theme}`).toEqual([]);

    await openSettings(app);
    await app.screenshot({ path: path.join(SCREENSHOTS, `settings-${theme}.png`), fullPage: true });
    expect(await blockingViolations(app), `settings, ${theme}`).toEqual([]);
  }
  expect(backgrounds.light).not.toBe(backgrounds.dark);
  expect(fs.existsSync(path.join(SCREENSHOTS, 'main-light.png'))).toBe(true);
  expect(fs.existsSync(path.join(SCREENSHOTS, 'main-dark.png'))).toBe(true);
});

test('the whole app is keyboard reachable: Tab lands on the navigation with a visible focus', async ({
  app,
}) => {
  const navButtons = app.getByRole('navigation').getByRole('button');
  await expect(navButtons.first()).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await app.keyboard.press('Tab');
    if (await navButtons.first().evaluate((el) => el === el.ownerDocument.activeElement)) break;
  }
  await expect(navButtons.first()).toBeFocused();
  const outline = await navButtons.first().evaluate((el) => {
    const style = el.ownerDocument.defaultView!.getComputedStyle(el);
    return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow };
  });
  expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);
  await app.keyboard.press('End');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
});

/**
 * Payloads that are wrong for most schemas. For each channel only those its own schema
 * refuses are sent, so no request can do anything real (a revoke, a lockdown).
 */
const MALFORMED: unknown[] = [
  12345,
  'a string where an object belongs',
  true,
  [1, 2, 3],
  { unexpected: { deeply: { nested: ['value'] } } },
  { id: 42, label: null, url: 7, text: false },
  { id: 'x'.repeat(20_000) },
];

test('malformed payloads to every channel get a typed error, and the app keeps working', async ({
  app,
  bridge,
}) => {
  const plan = CHANNELS.map((channel) => ({
    channel,
    payloads: MALFORMED.filter(
      (payload) => !contract[channel as Channel].input.safeParse(payload).success,
    ),
  }));
  for (const { channel, payloads } of plan) {
    expect(payloads.length, `no malformed payload for ${channel}`).toBeGreaterThan(0);
  }

  const answers = await app.evaluate(async (plan) => {
    const api = (globalThis as unknown as { api: Record<string, Record<string, unknown>> }).api;
    const out: { channel: string; result: unknown }[] = [];
    for (const { channel, payloads } of plan) {
      const [domain, verb] = channel.split(':') as [string, string];
      const call = api[domain]![verb] as (input: unknown) => Promise<unknown>;
      for (const payload of payloads) out.push({ channel, result: await call(payload) });
    }
    return out;
  }, plan);

  expect(answers.length).toBe(plan.reduce((n, p) => n + p.payloads.length, 0));
  for (const { channel, result } of answers) {
    expect(result, channel).toEqual({
      ok: false,
      error: {
        code: 'invalidInput',
        message: expect.any(String),
        fields: expect.any(Array),
      },
    });
  }
  // Nothing but typed codes crossed the bridge, and no stack or path.
  const text = bridge.trafficText();
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/src\/main\//);
  for (const entry of bridge.traffic) {
    if (entry.kind !== 'answer') continue;
    const result = entry.result as { ok: boolean; error?: { code: string } };
    if (!result.ok) expect(ERROR_CODES).toContain(result.error!.code);
  }

  // Still working: a real change goes through and shows.
  await openSettings(app);
  await app.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  await expect.poll(() => bridge.core.settings.get().theme).toBe('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(bridge.pageErrors).toEqual([]);
  // With no API key, nothing tried to reach the gateway.
  expect(bridge.blockedFetches).toEqual([]);
});
