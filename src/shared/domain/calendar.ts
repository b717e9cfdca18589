/**
 * Calendar days (`YYYY-MM-DD`: a review-by date, a contract's end) are days where the creator
 * is: they pick them in the window as local days, and main runs on the same machine, so a
 * day is compared with the local date, never the UTC one (a review due 10 May is not overdue
 * at 17:00 on 10 May in Los Angeles, nor still running at 08:00 on 11 May in Tokyo).
 */

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDay(value: string): boolean {
  return CALENDAR_DAY.test(value);
}

/** `instant`'s local calendar day. */
export function localDay(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The local day `days` after `instant`'s (calendar arithmetic: a DST change moves no day). */
export function localDayAfter(instant: Date, days: number): string {
  return localDay(new Date(instant.getFullYear(), instant.getMonth(), instant.getDate() + days));
}

/** The last millisecond of a calendar day, local time; NaN for anything else. */
export function endOfLocalDay(day: string): number {
  const match = CALENDAR_DAY.exec(day);
  if (!match) return Number.NaN;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime() - 1;
}
