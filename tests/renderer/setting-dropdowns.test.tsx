import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/shared/contract';
import type { Result } from '../../src/shared/errors';
import { setApi } from '../../src/renderer/client';
import { MonitorSettings } from '../../src/renderer/features/checklist/MonitorSettings';
import { AppearancePanel } from '../../src/renderer/features/settings/AppearancePanel';
import i18n, { applyLanguage } from '../../src/renderer/i18n';
import { useSettingsStore } from '../../src/renderer/stores/settings';
import { createFakeApi } from './fake-api';

/** The Appearance panel as the Settings screen shows it: fed from the settings store. */
function Appearance() {
  const settings = useSettingsStore((state) => state.settings);
  return settings && <AppearancePanel settings={settings} />;
}

const DROPDOWNS = [
  {
    name: 'refresh interval',
    show: () => <MonitorSettings />,
    label: /^Refresh/,
    key: 'refreshIntervalMinutes',
    chosen: 60,
  },
  { name: 'theme', show: () => <Appearance />, label: /^Theme/, key: 'theme', chosen: 'dark' },
  {
    name: 'language',
    show: () => <Appearance />,
    label: /^Language/,
    key: 'language',
    chosen: 'ru',
  },
] as const;

const SAVED: Partial<Settings> = { refreshIntervalMinutes: 15, theme: 'light', language: 'en' };

/** Shows the dropdown and chooses its new value; main answers the save when the test says so. */
async function showDropdown(dropdown: (typeof DROPDOWNS)[number]) {
  const fake = createFakeApi({ settings: SAVED, holdSettingsSet: true });
  setApi(fake.api);
  await act(async () => {
    await useSettingsStore.getState().load();
  });
  render(dropdown.show());
  const select = screen.getByRole('combobox', { name: dropdown.label }) as HTMLSelectElement;
  expect(select.value).toBe(String(SAVED[dropdown.key]));
  await act(async () => fireEvent.change(select, { target: { value: String(dropdown.chosen) } }));
  // A language is put into effect (its strings loaded) before it is saved.
  await waitFor(() => expect(fake.fake.settings.set).toHaveBeenCalledTimes(1));
  return {
    select,
    answer: (result: Result<Settings>) => act(async () => fake.answerSettingsSet(result)),
  };
}

beforeEach(async () => {
  useSettingsStore.setState({ settings: null, loadError: null });
  await applyLanguage('en');
});
afterEach(async () => {
  cleanup();
  setApi(null);
  await applyLanguage('en');
});

describe.each(DROPDOWNS)('the $name dropdown', (dropdown) => {
  const chosen = String(dropdown.chosen);

  it('shows the chosen value while main saves it, and keeps it once saved', async () => {
    const { select, answer } = await showDropdown(dropdown);
    expect(select.value).toBe(chosen);
    expect(select.disabled).toBe(true);
    const settings = useSettingsStore.getState().settings!;
    await answer({ ok: true, data: { ...settings, [dropdown.key]: dropdown.chosen } });
    expect(select.value).toBe(chosen);
    expect(select.disabled).toBe(false);
  });

  it('shows the chosen value while main saves it, then goes back and says why if main refuses', async () => {
    const { select, answer } = await showDropdown(dropdown);
    expect(select.value).toBe(chosen);
    await answer({ ok: false, error: { code: 'storage', message: 'disk full' } });
    expect(select.value).toBe(String(SAVED[dropdown.key]));
    expect(select.disabled).toBe(false);
    expect(screen.getByRole('alert').textContent).toMatch(/could not read or save/);
    expect(i18n.language).toBe('en');
  });
});
