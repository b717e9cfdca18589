import { afterEach, describe, expect, it } from 'vitest';
import i18n, { applyLanguage, loadLanguage } from '../../src/renderer/i18n';

afterEach(async () => {
  await applyLanguage('en');
});

describe('UI languages', () => {
  it('starts with English only: other languages are loaded when chosen', async () => {
    expect(i18n.hasResourceBundle('en', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('ru', 'common')).toBe(false);
    await applyLanguage('ru');
    expect(i18n.language).toBe('ru');
    expect(document.documentElement.lang).toBe('ru');
    // Every namespace came with it, not only the first one.
    for (const ns of Object.keys(i18n.store.data.en ?? {})) {
      expect(i18n.hasResourceBundle('ru', ns), ns).toBe(true);
    }
    expect(i18n.t('common:appName')).toBe(i18n.t('common:appName', { lng: 'en' }));
    expect(i18n.t('settings:title')).toBe('Настройки');
  });

  it('loads a language once, however often it is asked for', async () => {
    const first = loadLanguage('ru');
    expect(loadLanguage('ru')).toBe(first);
    await first;
  });

  it('lets the language asked for last win, even if an earlier one loads later', async () => {
    await applyLanguage('en');
    const russian = applyLanguage('ru');
    const english = applyLanguage('en');
    await Promise.all([russian, english]);
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
