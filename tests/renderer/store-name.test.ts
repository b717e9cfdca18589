import { afterEach, describe, expect, it } from 'vitest';
import { formatMonth } from '../../src/renderer/format';
import i18n, { applyLanguage } from '../../src/renderer/i18n';
import { storeName } from '../../src/renderer/shell/StorageNotices';

afterEach(async () => {
  await applyLanguage('en');
});

const nameIn = (store: string) =>
  storeName(store, i18n.t, { month: (value) => formatMonth(value, i18n.language) });

describe('store names in storage notices', () => {
  it('names a notes part and an activity month the way a creator reads them', async () => {
    await applyLanguage('en');
    expect(nameIn('notes-03')).toBe('Notes, part 4');
    expect(nameIn('notes-00')).toBe('Notes, part 1');
    expect(nameIn('activity-2026-11')).toBe('Activity log, November 2026');
    expect(nameIn('settings')).toBe('Settings');
    await applyLanguage('ru');
    expect(nameIn('notes-15')).toBe('Заметки, часть 16');
    expect(nameIn('activity-2026-01')).toBe('Журнал действий, январь 2026 г.');
  });

  it('shows a name it does not know as it is, rather than a translation key', () => {
    expect(nameIn('future-store')).toBe('future-store');
    expect(nameIn('notes-')).toBe('notes-');
  });
});
