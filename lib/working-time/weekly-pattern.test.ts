import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clockValue, describePattern, parseClock, readWeeklyPattern, weeklyMinutes } from './weekly-pattern';
import { weeklyPatternInput } from './weekly-pattern-input';

describe('parseClock and clockValue', () => {
  it('reads times of day as minutes after local midnight', () => {
    expect(parseClock('09:30', 'start')).toBe(570);
    expect(parseClock('9:05', 'start')).toBe(545);
    expect(parseClock('00:00', 'start')).toBe(0);
    expect(parseClock('17:00', 'end')).toBe(1020);
  });

  it('reads midnight as an end as the end of the day', () => {
    expect(parseClock('00:00', 'end')).toBe(1440);
    expect(parseClock('24:00', 'end')).toBe(1440);
    expect(parseClock('24:00', 'start')).toBeUndefined();
  });

  it('refuses what is not a time', () => {
    for (const value of ['', '9', '9am', '12:60', '25:00', '24:30', 'nine'])
      expect(parseClock(value, 'start')).toBeUndefined();
  });

  it('writes minutes back as an input value', () => {
    expect(clockValue(570)).toBe('09:30');
    expect(clockValue(1440)).toBe('00:00');
    expect(parseClock(clockValue(1440), 'end')).toBe(1440);
  });
});

describe('readWeeklyPattern', () => {
  it('reads rows into windows sorted by day and time, skipping blank rows', () => {
    const reading = readWeeklyPattern({
      'w-5-1-start': '13:30',
      'w-5-1-end': '17:00',
      'w-5-0-start': '09:00',
      'w-5-0-end': '12:30',
      'w-1-0-start': '09:00',
      'w-1-0-end': '17:00',
      'w-2-0-start': '',
      'w-2-0-end': '',
      userId: 'ignored',
    });
    expect(reading.errors).toEqual({});
    expect(reading.windows).toEqual([
      { weekday: 1, startMinute: 540, endMinute: 1020 },
      { weekday: 5, startMinute: 540, endMinute: 750 },
      { weekday: 5, startMinute: 810, endMinute: 1020 },
    ]);
    expect(describePattern(reading.windows)).toBe('Monday 09:00–17:00; Friday 09:00–12:30, 13:30–17:00');
    expect(weeklyMinutes(reading.windows)).toBe(8 * 60 + 3.5 * 60 + 3.5 * 60);
  });

  it('puts an end before or equal to the start beside the end field', () => {
    const reading = readWeeklyPattern({
      'w-3-0-start': '17:00',
      'w-3-0-end': '09:00',
      'w-4-0-start': '10:00',
      'w-4-0-end': '10:00',
    });
    expect(reading.errors).toEqual({
      'w-3-0-end': 'The end must be after the start (17:00).',
      'w-4-0-end': 'The end must be after the start (10:00).',
    });
  });

  it('refuses windows on one day that overlap, beside the later one', () => {
    const reading = readWeeklyPattern({
      'w-2-0-start': '09:00',
      'w-2-0-end': '13:00',
      'w-2-1-start': '12:00',
      'w-2-1-end': '17:00',
    });
    expect(reading.errors['w-2-1-start']).toMatch(/overlaps 09:00–13:00/);
    expect(Object.keys(reading.errors)).toEqual(['w-2-1-start']);
  });

  it('allows windows that only touch, and the same hours on different days', () => {
    const reading = readWeeklyPattern({
      'w-2-0-start': '09:00',
      'w-2-0-end': '12:00',
      'w-2-1-start': '12:00',
      'w-2-1-end': '17:00',
      'w-3-0-start': '09:00',
      'w-3-0-end': '17:00',
    });
    expect(reading.errors).toEqual({});
    expect(reading.windows).toHaveLength(3);
  });

  it('asks for the missing half of a row, and for real times', () => {
    const reading = readWeeklyPattern({
      'w-1-0-start': '09:00',
      'w-1-0-end': '',
      'w-6-0-start': '',
      'w-6-0-end': '12:00',
      'w-7-0-start': 'noon',
      'w-7-0-end': '18:00',
    });
    expect(reading.errors).toEqual({
      'w-1-0-end': 'Enter the time work ends, or clear the start time too.',
      'w-6-0-start': 'Enter the time work starts, or clear the end time too.',
      'w-7-0-start': 'Enter a time like 09:00.',
    });
  });

  it('takes a late shift to midnight', () => {
    expect(readWeeklyPattern({ 'w-6-0-start': '16:00', 'w-6-0-end': '00:00' }).windows).toEqual([
      { weekday: 6, startMinute: 960, endMinute: 1440 },
    ]);
  });
});

describe('weeklyPatternInput', () => {
  const userId = '6f1c1f0e-8a3b-4c1d-9e2f-0a1b2c3d4e5f';

  it('gives the windows for a valid form', () => {
    const parsed = weeklyPatternInput.parse({ userId, 'w-5-0-start': '09:00', 'w-5-0-end': '16:00' });
    expect(parsed).toEqual({ userId, windows: [{ weekday: 5, startMinute: 540, endMinute: 960 }] });
  });

  it('returns each problem as a field error under the field’s own name', () => {
    const result = weeklyPatternInput.safeParse({ userId, 'w-5-0-start': '16:00', 'w-5-0-end': '09:00' });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      'w-5-0-end': ['The end must be after the start (16:00).'],
    });
  });

  it('accepts an empty week: someone who is not working at the moment', () => {
    expect(weeklyPatternInput.parse({ userId })).toEqual({ userId, windows: [] });
  });
});
