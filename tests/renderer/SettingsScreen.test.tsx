import './isolate-features';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '../../src/renderer/client';
import { SettingsScreen } from '../../src/renderer/features/settings/SettingsScreen';
import i18n, { applyLanguage } from '../../src/renderer/i18n';
import { useAppInfoStore } from '../../src/renderer/stores/app-info';
import { useSettingsStore } from '../../src/renderer/stores/settings';
import { createFakeApi } from './fake-api';

async function renderSettings(fake: ReturnType<typeof createFakeApi>) {
  setApi(fake.api);
  await act(async () => {
    await useSettingsStore.getState().load();
  });
  render(<SettingsScreen />);
  await screen.findByText('0.1.0');
}

beforeEach(async () => {
  useSettingsStore.setState({ settings: null, loadError: null });
  useAppInfoStore.setState({ info: null, error: null });
  await applyLanguage('en');
});

afterEach(() => {
  cleanup();
  setApi(null);
});

describe('Settings', () => {
  it('switches the whole UI to Russian at once and saves the choice', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ru' } });
    });
    // Russian is its own chunk: the switch happens once its strings are in.
    await waitFor(() => expect(i18n.language).toBe('ru'));
    expect(document.documentElement.lang).toBe('ru');
    expect(await screen.findByRole('heading', { name: 'Настройки' })).toBeTruthy();
    expect(fake.fake.settings.set).toHaveBeenCalledWith({ language: 'ru' });
    expect(fake.current().language).toBe('ru');
  });

  it('puts the language back when main cannot save it', async () => {
    const fake = createFakeApi({ failSettingsSet: { code: 'storage', message: 'disk full' } });
    await renderSettings(fake);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ru' } });
    });
    expect(i18n.language).toBe('en');
    expect(screen.getByRole('alert').textContent).toMatch(/could not read or save/);
  });

  it('applies the theme to the page', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(fake.current().theme).toBe('dark');
  });

  it('refuses a plain-http gateway address without asking main', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    const field = screen.getByLabelText('Gateway address');
    fireEvent.change(field, { target: { value: 'http://gateway.example.com' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(fake.fake.settings.set).not.toHaveBeenCalled();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    const error = screen.getByText(/must start with https:\/\//);
    expect(describedBy).toContain(error.id);
  });

  it('re-translates a form problem when the language changes', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    fireEvent.change(screen.getByLabelText('Gateway address'), { target: { value: 'nonsense' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(screen.getByText(/Enter a full web address/)).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ru' } });
    });
    expect(await screen.findByText(/Введите полный веб-адрес/)).toBeTruthy();
  });

  it('saves a valid https address', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    fireEvent.change(screen.getByLabelText('Gateway address'), {
      target: { value: '  https://gateway.example.com  ' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(fake.fake.settings.set).toHaveBeenCalledWith({
      gatewayBaseUrl: 'https://gateway.example.com',
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('shows the typed error main answers with', async () => {
    const fake = createFakeApi({
      failSettingsSet: { code: 'invalidInput', message: 'bad', fields: ['gatewayBaseUrl'] },
    });
    await renderSettings(fake);
    fireEvent.change(screen.getByLabelText('Gateway address'), {
      target: { value: 'https://gateway.example.com' },
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    });
    expect(fake.fake.settings.set).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toMatch(/not valid/);
  });

  it('saves the start-up switches', async () => {
    const fake = createFakeApi();
    await renderSettings(fake);
    const launch = screen.getByRole('switch', { name: 'Open Doorman when I log in' });
    await act(async () => {
      fireEvent.click(launch);
    });
    expect(fake.current().launchAtLogin).toBe(true);
    await waitFor(() => expect(launch).toHaveProperty('checked', true));
    await act(async () => {
      fireEvent.click(screen.getByRole('switch', { name: 'Start in the tray' }));
    });
    expect(fake.current().startHidden).toBe(true);
  });

  it('shows the version and warns when no keychain protects secrets', async () => {
    const fake = createFakeApi({ info: { keychain: { available: false, backend: 'basic_text' } } });
    await renderSettings(fake);
    expect(screen.getByText('No system keychain found')).toBeTruthy();
    expect(screen.getByText(/would not be protected/)).toBeTruthy();
  });
});
