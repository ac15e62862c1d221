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
