import { describe, expect, it } from 'vitest';
import { fromLocalInput, isCalendarDate, toLocalInput, todayIn } from './zoned';

describe('local times typed in a zone', () => {
  it('reads a London time in winter and summer', () => {
    expect(fromLocalInput('2026-01-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
    expect(fromLocalInput('2026-07-15T09:30', 'Europe/London')?.toISOString()).toBe('2026-07-15T08:30:00.000Z');
  });

  it('round-trips through the form value', () => {
    const instant = new Date('2026-10-25T12:15:00Z'); // the day the clocks go back
    expect(toLocalInput(instant, 'Europe/London')).toBe('2026-10-25T12:15');
    expect(fromLocalInput('2026-10-25T12:15', 'Europe/London')?.toISOString()).toBe(instant.toISOString());
  });

  it('refuses what is not a time', () => {
    expect(fromLocalInput('2026-02-31T09:00', 'Europe/London')).toBeUndefined();
    expect(fromLocalInput('yesterday', 'Europe/London')).toBeUndefined();
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it("knows today's date in a zone", () => {
    expect(todayIn('Europe/London', new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});
