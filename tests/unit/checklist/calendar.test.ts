import { afterEach, describe, expect, it } from 'vitest';
import { endOfLocalDay, localDay, localDayAfter } from '../../../src/shared/domain/calendar';

const saved = process.env.TZ;
afterEach(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe('calendar days are local days', () => {
  it('names the local day of an instant', () => {
    process.env.TZ = 'Pacific/Auckland';
    expect(localDay(new Date('2026-11-23T20:00:00Z'))).toBe('2026-11-24');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDay(new Date('2026-11-23T05:00:00Z'))).toBe('2026-11-22');
  });

  it('counts days across a clock change without losing or gaining one', () => {
    process.env.TZ = 'Europe/Berlin';
    // Clocks go back on 25 Oct 2026: that day has 25 hours.
    expect(localDayAfter(new Date(2026, 9, 24, 23, 30), 1)).toBe('2026-10-25');
    expect(localDayAfter(new Date(2026, 9, 24, 23, 30), 30)).toBe('2026-11-23');
  });

  it('ends a day at its last local millisecond, and refuses what is not a day', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(new Date(endOfLocalDay('2026-05-10')).toISOString()).toBe('2026-05-10T14:59:59.999Z');
    expect(endOfLocalDay('10 May')).toBeNaN();
  });
});
