import { describe, expect, it } from 'vitest';
import { weekContaining } from './week';
import { dayName, shortDayName, weekTitle, zoneNote } from './week-labels';

describe('names of days and weeks', () => {
  it('names a day whatever zone the server runs in', () => {
    expect(dayName('2026-03-29')).toBe('Sunday 29 March');
    expect(shortDayName('2026-03-30')).toBe('Mon 30 Mar');
  });

  it('names a week within a month, across months and across years', () => {
    expect(weekTitle(weekContaining('2026-03-25', 'Europe/London'))).toBe('23–29 March 2026');
    expect(weekTitle(weekContaining('2026-04-01', 'Europe/London'))).toBe('30 March – 5 April 2026');
    expect(weekTitle(weekContaining('2027-01-01', 'Europe/London'))).toBe('28 December 2026 – 3 January 2027');
  });

  it('says which zone the times are in, and when the clocks change that week', () => {
    expect(zoneNote(weekContaining('2026-01-14', 'Europe/London'))).toBe('Times in Europe/London (GMT)');
    expect(zoneNote(weekContaining('2026-03-25', 'Europe/London'))).toBe('Times in Europe/London (GMT, then BST)');
    expect(zoneNote(weekContaining('2026-10-21', 'Europe/London'))).toBe('Times in Europe/London (BST, then GMT)');
    expect(zoneNote(weekContaining('2026-01-14', 'UTC'))).toBe('Times in UTC');
  });
});
