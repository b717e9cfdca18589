import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from './i18n';

/**
 * The one place dates, times and numbers become text, in the current UI language, through Intl
 * (never the OS locale: a Russian UI on an English system writes "100 001", not "100,001").
 * Formatters are cached per language and style, because lists of thousands of rows call them.
 */

export type DateInput = string | number | Date;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  create: () => F,
): F {
  let format = cache.get(key) as F | undefined;
  if (!format) {
    format = create();
    cache.set(key, format);
  }
  return format;
}

function currentLanguage(): string {
  return i18next.resolvedLanguage ?? i18next.language ?? 'en';
}

function dateTimeFormat(lng: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    `dt|${lng}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(lng, options),
  );
}

function relativeFormat(lng: string): Intl.RelativeTimeFormat {
  return cached(`rt|${lng}`, () => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }));
}

function numberFormat(lng: string): Intl.NumberFormat {
  return cached(`nf|${lng}`, () => new Intl.NumberFormat(lng));
}

/**
 * A calendar date (`YYYY-MM-DD`, e.g. a review-by date) is a day, not an instant: it is read
 * in local time so it never shows as the day before west of UTC.
 */
export function toDate(value: DateInput): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Shown where a date is missing or unreadable. */
export const NO_DATE = '—';

/**
 * Builds the formatters the start screen uses, for `lng`. The page's first Intl formatter
 * loads ICU's data (15–40 ms here); main.tsx calls this while it waits for main's first
 * answer, so that cost falls in time the page would otherwise spend idle.
 */
export function prepareFormatters(lng = currentLanguage()): void {
  const now = Date.now();
  formatTime(now, lng);
  formatDateTime(now, lng);
  formatRelative(now - HOUR, now, lng);
}

/** "23 Nov 2026, 14:05" / "23 нояб. 2026 г., 14:05". */
export function formatDateTime(value: DateInput, lng = currentLanguage()): string {
  const date = toDate(value);
  if (!date) return NO_DATE;
  return dateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "23 Nov 2026" / "23 нояб. 2026 г.". */
export function formatDate(value: DateInput, lng = currentLanguage()): string {
  const date = toDate(value);
  if (!date) return NO_DATE;
  return dateTimeFormat(lng, { dateStyle: 'medium' }).format(date);
}

/** "November 2026" / "ноябрь 2026 г.". */
export function formatMonth(value: DateInput, lng = currentLanguage()): string {
  const date = toDate(value);
  if (!date) return NO_DATE;
  return dateTimeFormat(lng, { month: 'long', year: 'numeric' }).format(date);
}

/** "14:05" (or "2:05 PM" where the language expects it). */
export function formatTime(value: DateInput, lng = currentLanguage()): string {
  const date = toDate(value);
  if (!date) return NO_DATE;
  return dateTimeFormat(lng, { timeStyle: 'short' }).format(date);
}

/** "5 minutes ago", "yesterday", "in 3 days" / "5 минут назад", "вчера", "через 3 дня". */
export function formatRelative(
  value: DateInput,
  now: DateInput = Date.now(),
  lng = currentLanguage(),
): string {
  const date = toDate(value);
  const reference = toDate(now);
  if (!date || !reference) return NO_DATE;
  const diff = date.getTime() - reference.getTime();
  const abs = Math.abs(diff);
  const rtf = relativeFormat(lng);
  if (abs < MINUTE) return rtf.format(0, 'second');
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  if (abs < 30 * DAY) return rtf.format(Math.round(diff / DAY), 'day');
  if (abs < 365 * DAY) return rtf.format(Math.round(diff / (30 * DAY)), 'month');
  return rtf.format(Math.round(diff / (365 * DAY)), 'year');
}

/** "100,001" / "100 001". */
export function formatNumber(value: number, lng = currentLanguage()): string {
  return numberFormat(lng).format(value);
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/**
 * When a last-known list was fetched: "As of 14:05" today, "As of 21 Nov 2026, 09:12"
 * otherwise. Shown beside anything that may be stale (offline lists).
 */
export function formatAsOf(
  value: DateInput,
  now: DateInput = Date.now(),
  lng = currentLanguage(),
): string {
  const date = toDate(value);
  const reference = toDate(now);
  if (!date || !reference) return i18next.t('common:asOfUnknown', { lng });
  const time = sameDay(date, reference) ? formatTime(date, lng) : formatDateTime(date, lng);
  return i18next.t('common:asOf', { lng, time });
}

/**
 * The formatters bound to the language the component renders in, so a component that
 * uses them re-renders when the creator switches language.
 */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  // Stable per language, so rows of a long list can take these as props without re-rendering.
  return useMemo(
    () => ({
      dateTime: (value: DateInput) => formatDateTime(value, lng),
      date: (value: DateInput) => formatDate(value, lng),
      time: (value: DateInput) => formatTime(value, lng),
      month: (value: DateInput) => formatMonth(value, lng),
      relative: (value: DateInput, now?: DateInput) => formatRelative(value, now, lng),
      asOf: (value: DateInput, now?: DateInput) => formatAsOf(value, now, lng),
      number: (value: number) => formatNumber(value, lng),
    }),
    [lng],
  );
}
