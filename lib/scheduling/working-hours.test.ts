import { describe, expect, it } from 'vitest';
import { expandWeeklyPattern, localTime } from './working-hours';

const london = 'Europe/London';
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
const iso = (ms: number) => new Date(ms).toISOString();
const window = (from: string, to: string) => ({ start: Date.parse(from), end: Date.parse(to) });

describe('working hours in the practitioner’s own zone', () => {
  it('lands 09:00–17:00 London on GMT in winter and BST in summer', () => {
    const winter = expandWeeklyPattern(weekdays, london, window('2026-01-12T00:00:00Z', '2026-01-13T00:00:00Z'));
    expect(winter.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-01-12T09:00:00.000Z', '2026-01-12T17:00:00.000Z'],
    ]);
    const summer = expandWeeklyPattern(weekdays, london, window('2026-07-13T00:00:00Z', '2026-07-14T00:00:00Z'));
    expect(summer.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-07-13T08:00:00.000Z', '2026-07-13T16:00:00.000Z'],
    ]);
  });

  it('keeps a full day’s work on the last Sunday of March, when clocks go forward', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    const sunday = [
      { weekday: 7, startMinute: 0, endMinute: 24 * 60 },
      { weekday: 7, startMinute: 9 * 60, endMinute: 17 * 60 },
    ];
    const day = expandWeeklyPattern([sunday[1]!], london, window('2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z'));
    expect(day.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-03-29T08:00:00.000Z', '2026-03-29T16:00:00.000Z'],
    ]);
    // A whole local day on that Sunday is 23 hours long.
    const whole = expandWeeklyPattern([sunday[0]!], london, window('2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z'));
    expect(whole.map((i) => (i.end - i.start) / 3_600_000)).toEqual([23]);
    // 01:30 does not exist that night; it moves forward an hour, as the clocks do.
    expect(iso(localTime(2026, 2, 29, 90, london))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('keeps a full day’s work on the last Sunday of October, when clocks go back', () => {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so the local day is 25 hours long.
    const night = expandWeeklyPattern(
      [{ weekday: 7, startMinute: 0, endMinute: 24 * 60 }],
      london,
      window('2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z'),
    );
    expect(night.map((i) => (i.end - i.start) / 3_600_000)).toEqual([25]);
    const day = expandWeeklyPattern(
      [{ weekday: 7, startMinute: 9 * 60, endMinute: 17 * 60 }],
      london,
      window('2026-10-25T00:00:00Z', '2026-10-26T00:00:00Z'),
    );
    expect(day.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-10-25T09:00:00.000Z', '2026-10-25T17:00:00.000Z'],
    ]);
  });

  it('expands a practitioner in another zone on their own clock', () => {
    // 09:00–17:00 in Berlin is 08:00–16:00 UTC in winter.
    const berlin = expandWeeklyPattern(
      weekdays,
      'Europe/Berlin',
      window('2026-01-12T00:00:00Z', '2026-01-13T00:00:00Z'),
    );
    expect(berlin.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-01-12T08:00:00.000Z', '2026-01-12T16:00:00.000Z'],
    ]);
    // New York's Monday 09:00–17:00 is 14:00–22:00 UTC: outside a London day's window edge it is clipped.
    const ny = expandWeeklyPattern(
      weekdays,
      'America/New_York',
      window('2026-01-12T00:00:00Z', '2026-01-12T20:00:00Z'),
    );
    expect(ny.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-01-12T14:00:00.000Z', '2026-01-12T20:00:00.000Z'],
    ]);
  });

  it('covers a week and skips days not worked', () => {
    const week = expandWeeklyPattern(weekdays, london, window('2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'));
    expect(week).toHaveLength(5);
    expect(expandWeeklyPattern([], london, window('2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z'))).toEqual([]);
  });
});
