import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { absenceInput, describeDays, intervalToWholeDays, isCalendarDay, wholeDaysToInterval } from './absence-days';

describe('wholeDaysToInterval', () => {
  it('runs from local midnight of the first day to local midnight after the last, in winter', () => {
    expect(wholeDaysToInterval('2026-01-12', '2026-01-16', 'Europe/London')).toEqual({
      startsAt: new Date('2026-01-12T00:00:00Z'),
      endsAt: new Date('2026-01-17T00:00:00Z'),
    });
  });

  it('follows British Summer Time: local midnight is 23:00 UTC the evening before', () => {
    expect(wholeDaysToInterval('2026-07-06', '2026-07-06', 'Europe/London')).toEqual({
      startsAt: new Date('2026-07-05T23:00:00Z'),
      endsAt: new Date('2026-07-06T23:00:00Z'),
    });
  });

  it('makes the day the clocks go forward 23 hours long, and the day they go back 25', () => {
    const spring = wholeDaysToInterval('2026-03-29', '2026-03-29', 'Europe/London');
    expect(spring.startsAt).toEqual(new Date('2026-03-29T00:00:00Z'));
    expect(spring.endsAt).toEqual(new Date('2026-03-29T23:00:00Z'));
    const autumn = wholeDaysToInterval('2026-10-25', '2026-10-25', 'Europe/London');
    expect(autumn.startsAt).toEqual(new Date('2026-10-24T23:00:00Z'));
    expect(autumn.endsAt).toEqual(new Date('2026-10-26T00:00:00Z'));
  });

  it('uses the practitioner’s own zone', () => {
    expect(wholeDaysToInterval('2026-02-02', '2026-02-03', 'America/New_York')).toEqual({
      startsAt: new Date('2026-02-02T05:00:00Z'),
      endsAt: new Date('2026-02-04T05:00:00Z'),
    });
  });

  it('rolls over the end of the month and year', () => {
    expect(wholeDaysToInterval('2026-12-24', '2026-12-31', 'Europe/London').endsAt).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });

  it('round-trips to the same days, including over a clock change', () => {
    for (const [first, last] of [
      ['2026-03-27', '2026-03-30'],
      ['2026-10-23', '2026-10-26'],
      ['2026-07-01', '2026-07-01'],
    ] as const) {
      const { startsAt, endsAt } = wholeDaysToInterval(first, last, 'Europe/London');
      expect(intervalToWholeDays(startsAt, endsAt, 'Europe/London')).toEqual({ firstDay: first, lastDay: last });
    }
  });
});

describe('isCalendarDay and describeDays', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('02/03/2026')).toBe(false);
    expect(isCalendarDay('1926-03-02')).toBe(false);
  });

  it('says the days plainly', () => {
    expect(describeDays('2026-03-02', '2026-03-02')).toBe('Mon 2 Mar 2026');
    expect(describeDays('2026-03-02', '2026-03-06')).toBe('Mon 2 Mar – Fri 6 Mar 2026');
    expect(describeDays('2026-12-28', '2027-01-04')).toBe('Mon 28 Dec 2026 – Mon 4 Jan 2027');
  });
});

describe('absenceInput', () => {
  const base = { userId: '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f', reason: 'leave' };

  it('accepts one day or several, and an empty note as none', () => {
    expect(absenceInput.parse({ ...base, firstDay: '2026-03-02', lastDay: '2026-03-02', note: ' ' })).toEqual({
      ...base,
      firstDay: '2026-03-02',
      lastDay: '2026-03-02',
      note: null,
    });
  });

  it('refuses a last day before the first, beside the last day', () => {
    const result = absenceInput.safeParse({ ...base, firstDay: '2026-03-06', lastDay: '2026-03-02' });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      lastDay: ['The last day cannot be before the first day. Check both dates.'],
    });
  });

  it('asks for each missing piece', () => {
    const result = absenceInput.safeParse({ userId: base.userId, reason: '', firstDay: '', lastDay: '2026-02-30' });
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      reason: ['Choose the reason.'],
      firstDay: ['Enter the first day away.'],
      lastDay: ['Enter a real date, like 2026-03-02.'],
    });
  });
});
