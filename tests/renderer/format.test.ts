import { act, renderHook } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../src/renderer/i18n';
import {
  NO_DATE,
  formatAsOf,
  formatDate,
  formatDateTime,
  formatNumber,
  formatRelative,
  toDate,
  useFormat,
} from '../../src/renderer/format';

const now = new Date(2026, 10, 23, 14, 5); // 23 Nov 2026, 14:05 local

afterAll(async () => {
  await applyLanguage('en');
});

describe('format', () => {
  it('writes dates in the current language', async () => {
    await applyLanguage('en');
    expect(formatDate(now)).toMatch(/Nov/);
    expect(formatDateTime(now)).toMatch(/2026/);
    await applyLanguage('ru');
    expect(formatDate(now)).toMatch(/нояб/);
  });

  it('writes numbers in the UI language, not the OS locale', () => {
    expect(formatNumber(100_001, 'en')).toBe('100,001');
    expect(formatNumber(100_001, 'ru')).toBe(new Intl.NumberFormat('ru').format(100_001));
    expect(formatNumber(100_001, 'ru')).not.toContain(',');
  });

  it('reads a calendar date as that day wherever the computer is', () => {
    const day = toDate('2026-12-01')!;
    expect([day.getFullYear(), day.getMonth(), day.getDate()]).toEqual([2026, 11, 1]);
    expect(formatDate('2026-12-01', 'en')).toMatch(/Dec 1, 2026/);
  });

  it('says how long ago in words', () => {
    expect(formatRelative(new Date(now.getTime() - 5 * 60_000), now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(new Date(now.getTime() - 5 * 60_000), now, 'ru')).toBe('5 минут назад');
    expect(formatRelative(new Date(now.getTime() - 24 * 3_600_000), now, 'en')).toBe('yesterday');
    expect(formatRelative(new Date(now.getTime() + 3 * 24 * 3_600_000), now, 'ru')).toBe(
      'через 3 дня',
    );
    expect(formatRelative(now, now, 'en')).toBe('now');
  });

  it('shows "as of" with the time today and the date otherwise', () => {
    const earlier = new Date(2026, 10, 23, 9, 30);
    expect(formatAsOf(earlier, now, 'en')).toMatch(/^As of 9:30/);
    expect(formatAsOf(earlier, now, 'ru')).toBe('Данные на 09:30');
    const lastWeek = new Date(2026, 10, 16, 9, 30);
    expect(formatAsOf(lastWeek, now, 'en')).toMatch(/Nov 16, 2026/);
  });

  it('never throws on a bad date', () => {
    expect(formatDateTime('not a date', 'en')).toBe(NO_DATE);
    expect(formatRelative('nope', now, 'en')).toBe(NO_DATE);
    expect(formatAsOf('nope', now, 'en')).toBe('Time unknown');
  });

  it('useFormat follows the UI language and stays stable within it', async () => {
    await applyLanguage('en');
    const { result, rerender } = renderHook(() => useFormat());
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
    expect(result.current.date(now)).toMatch(/Nov/);
    await act(async () => {
      await applyLanguage('ru');
    });
    expect(result.current.date(now)).toMatch(/нояб/);
  });
});
