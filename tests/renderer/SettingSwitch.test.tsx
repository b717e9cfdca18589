import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../src/renderer/client';
import { SettingSwitch } from '../../src/renderer/features/settings/SettingSwitch';
import { applyLanguage } from '../../src/renderer/i18n';
import { useSettingsStore } from '../../src/renderer/stores/settings';
import { createFakeApi } from './fake-api';

beforeEach(async () => {
  await applyLanguage('en');
});
afterEach(() => {
  cleanup();
  setApi(null);
});

/** A fake whose settings:set answers only when the test says so. */
async function showSwitch() {
  const fake = createFakeApi({ settings: { notifyNewLogin: true }, holdSettingsSet: true });
  setApi(fake.api);
  await act(async () => {
    await useSettingsStore.getState().load();
  });
  const settings = useSettingsStore.getState().settings!;
  render(<SettingSwitch name="notifyNewLogin" settings={settings} label="New logins" />);
  return { fake, answer: fake.answerSettingsSet, settings };
}

describe('a settings switch', () => {
  it('shows the chosen position while main saves it', async () => {
    const { fake, answer, settings } = await showSwitch();
    const toggle = screen.getByRole('switch', { name: 'New logins' }) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(fake.fake.settings.set).toHaveBeenCalledWith({ notifyNewLogin: false });
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(true);
    await act(async () => {
      answer({ ok: true, data: { ...settings, notifyNewLogin: false } });
    });
    expect(toggle.disabled).toBe(false);
  });

  it('goes back to the saved value and says why when main refuses', async () => {
    const { answer } = await showSwitch();
    const toggle = screen.getByRole('switch', { name: 'New logins' }) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    await act(async () => {
      answer({ ok: false, error: { code: 'storage', message: 'disk full' } });
    });
    expect(toggle.checked).toBe(true);
    expect(screen.getByRole('alert').textContent).toMatch(/\S/);
  });
});
