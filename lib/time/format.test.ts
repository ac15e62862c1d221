import { describe, expect, it } from 'vitest';
import { dayHeading, localDayKey, longDate, timeRange, zoneAbbreviation } from './format';

const london = 'Europe/London';

describe('times in the meeting zone', () => {
  it('shows British Summer Time and Greenwich Mean Time correctly', () => {
    expect(timeRange(new Date('2026-07-01T09:00:00Z'), new Date('2026-07-01T10:30:00Z'), london)).toBe('10:00–11:30');
    expect(zoneAbbreviation(new Date('2026-07-01T09:00:00Z'), london)).toBe('BST');
    expect(timeRange(new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T10:00:00Z'), london)).toBe('09:00–10:00');
    expect(zoneAbbreviation(new Date('2026-12-01T09:00:00Z'), london)).toBe('GMT');
  });

  it('handles the last Sunday of March, when 01:00 GMT becomes 02:00 BST', () => {
    expect(timeRange(new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T01:30:00Z'), london)).toBe('00:30–02:30');
  });

  it('groups by the local day, not the UTC day', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(localDayKey(new Date('2026-06-30T23:30:00Z'), london)).toBe('2026-07-01');
    expect(localDayKey(new Date('2026-06-30T23:30:00Z'), 'UTC')).toBe('2026-06-30');
  });

  it('names the day relative to now', () => {
    const now = new Date('2026-11-24T08:00:00Z');
    expect(dayHeading(new Date('2026-11-24T15:00:00Z'), now, london)).toBe('Today');
    expect(dayHeading(new Date('2026-11-25T09:00:00Z'), now, london)).toBe('Tomorrow');
    expect(dayHeading(new Date('2026-11-27T09:00:00Z'), now, london)).toBe('Friday 27 November');
    expect(longDate(now, london)).toBe('Tuesday 24 November 2026');
  });
});

describe('the quarter-hour offset cache', () => {
  // Zones with summer time in either hemisphere, a half-hour and a quarter-hour offset, and a
  // 30-minute daylight saving change (Lord Howe).
  const zones = [
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Pacific/Chatham',
  ];
  const intl = (zone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });

  it('agrees with Intl minute by minute around every change of offset in 2026, and at random instants', () => {
    const instants: Date[] = [];
    for (const zone of zones) {
      // Find each change of offset in 2026 by hourly steps, then check every minute around it.
      const f = intl(zone);
      const name = (ms: number) => f.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        if (name(ms) !== name(ms + 3_600_000))
          for (let m = -90; m <= 150; m++) instants.push(new Date(ms + m * 60_000));
      }
    }
    // Random instants from 2000 to 2040, seeded so a failure can be replayed.
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2_000; i++)
      instants.push(new Date(Date.UTC(2000, 0, 1) + Math.floor(random() * 40 * 365.25 * 86_400_000)));
    expect(instants.length).toBeGreaterThan(2_000 + 8 * 240);

    for (const zone of zones) {
      const f = intl(zone);
      for (const instant of instants) {
        const p = Object.fromEntries(f.formatToParts(instant).map((part) => [part.type, part.value]));
        const expected = `${p.weekday} ${Number(p.day)} ${p.month} ${p.year} ${p.hour}:${p.minute} ${p.timeZoneName}`;
        const actual = `${longDate(instant, zone)} ${timeRange(instant, instant, zone).slice(0, 5)} ${zoneAbbreviation(instant, zone)}`;
        if (actual !== expected)
          expect({ zone, instant: instant.toISOString(), actual }).toEqual({
            zone,
            instant: instant.toISOString(),
            actual: expected,
          });
      }
    }
  });
});
