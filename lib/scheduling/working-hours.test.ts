import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays, getISODay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { normalise, type Interval } from './intervals';
import { expandWeeklyPattern, localTime, type WeeklyWindow } from './working-hours';

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

/**
 * The expansion finds a zone's offset changes once and does arithmetic between them. Here it is
 * checked against the straightforward expansion, a `TZDate` for every day and every time, over
 * the 2026 and 2027 clock changes of three zones with different rules, on many seeded random
 * windows and patterns (including the night hours that are skipped or repeated).
 */
describe('working hours expanded between offset changes, against TZDate day by day', () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const zones = ['Europe/London', 'America/New_York', 'Australia/Sydney'];

  /** TZDate's instant, except for a time that happens twice, where TZDate's choice depends on the machine's own zone: the first. */
  function referenceLocalTime(year: number, month: number, day: number, minute: number, zone: string): number {
    const wall = Date.UTC(year, month, day, Math.floor(minute / 60), minute % 60);
    const shows = (at: number) => at + Math.round(tzOffset(zone, new Date(at)) * 60) * 1000 === wall;
    const candidates = [wall - DAY, wall + DAY]
      .map((at) => wall - Math.round(tzOffset(zone, new Date(at)) * 60) * 1000)
      .filter((at, i, all) => shows(at) && all.indexOf(at) === i);
    if (candidates.length === 2) return Math.min(...candidates);
    return new TZDate(year, month, day, Math.floor(minute / 60), minute % 60, zone).getTime();
  }

  /** The expansion as first written: local day by local day through TZDate. */
  function referenceExpansion(pattern: readonly WeeklyWindow[], zone: string, w: Interval): Interval[] {
    if (pattern.length === 0) return [];
    const out: Interval[] = [];
    let day = new TZDate(w.start - DAY, zone);
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), zone);
    while (day.getTime() < w.end) {
      const weekday = getISODay(day);
      for (const p of pattern) {
        if (p.weekday !== weekday) continue;
        const [y, m, d] = [day.getFullYear(), day.getMonth(), day.getDate()];
        const start = referenceLocalTime(y, m, d, p.startMinute, zone);
        const end =
          p.endMinute >= 1440
            ? referenceLocalTime(y, m, d + 1, 0, zone)
            : referenceLocalTime(y, m, d, p.endMinute, zone);
        const clipped = { start: Math.max(start, w.start), end: Math.min(end, w.end) };
        if (clipped.start < clipped.end) out.push(clipped);
      }
      day = new TZDate(addDays(day, 1).getTime(), zone);
      day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), zone);
    }
    return normalise(out);
  }

  function seeded(seed: number) {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const random = seeded(20260329);
  const pick = (n: number) => Math.floor(random() * n);

  /** 1–4 windows on quarter hours; a third of them in the night hours where the clocks change. */
  function randomPattern(): WeeklyWindow[] {
    return Array.from({ length: 1 + pick(4) }, () => {
      const night = random() < 1 / 3;
      const startMinute = night ? pick(16) * 15 : pick(92) * 15;
      const endMinute = random() < 0.15 ? 1440 : Math.min(1440, startMinute + 15 * (1 + pick(night ? 16 : 48)));
      return { weekday: 1 + pick(7), startMinute, endMinute };
    });
  }

  // Every 2026 and 2027 clock change of the three zones, found from TZDate's offsets a day apart.
  const changes = zones.flatMap((zone) => {
    const found: number[] = [];
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += DAY)
      if (tzOffset(zone, new Date(at)) !== tzOffset(zone, new Date(at + DAY))) found.push(at);
    return found.map((at) => ({ zone, at }));
  });

  it('finds the four clock changes of each zone in 2026 and 2027', () => {
    expect(changes).toHaveLength(12);
  });

  it('gives the same working time on 1,500 random windows across those changes', () => {
    for (let i = 0; i < 1500; i++) {
      const { zone, at } = changes[i % changes.length]!;
      // A window of a few hours to 40 days, starting at any quarter hour up to 30 days before the change.
      const start = at - pick(30 * 96) * 15 * 60_000 + pick(96) * 15 * 60_000;
      const w = { start, end: start + (random() < 0.3 ? (1 + pick(24)) * HOUR : (1 + pick(40)) * DAY) };
      const pattern = randomPattern();
      expect(expandWeeklyPattern(pattern, zone, w), `${zone} ${iso(w.start)} ${JSON.stringify(pattern)}`).toEqual(
        referenceExpansion(pattern, zone, w),
      );
    }
  });

  it('gives the same instant for every quarter hour of each change day and the days either side', () => {
    for (const { zone, at } of changes) {
      for (let d = -1; d <= 2; d++) {
        const day = new TZDate(at + d * DAY, zone);
        for (let minute = 0; minute < 1440; minute += 15) {
          const [y, m, dd] = [day.getFullYear(), day.getMonth(), day.getDate()];
          expect(localTime(y, m, dd, minute, zone), `${zone} ${y}-${m + 1}-${dd} ${minute}`).toBe(
            referenceLocalTime(y, m, dd, minute, zone),
          );
        }
      }
    }
  });

  it('takes the first of a time that happens twice, and moves a missing time forward', () => {
    // 01:30 on 25 October 2026 in London is first BST (00:30 UTC), then GMT.
    expect(iso(localTime(2026, 9, 25, 90, london))).toBe('2026-10-25T00:30:00.000Z');
    // 01:30 on 1 November 2026 in New York is first EDT (05:30 UTC).
    expect(iso(localTime(2026, 10, 1, 90, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    // 02:30 on 5 April 2026 in Sydney is first AEDT (+11).
    expect(iso(localTime(2026, 3, 5, 150, 'Australia/Sydney'))).toBe('2026-04-04T15:30:00.000Z');
    // 02:30 on 4 October 2026 in Sydney does not exist; it is 03:30 AEDT.
    expect(iso(localTime(2026, 9, 4, 150, 'Australia/Sydney'))).toBe('2026-10-03T16:30:00.000Z');
  });

  it('expands nothing for a zone it does not know, as before', () => {
    expect(
      expandWeeklyPattern(weekdays, 'Nowhere/Atlantis', window('2026-01-12T00:00:00Z', '2026-01-19T00:00:00Z')),
    ).toEqual([]);
  });
});
