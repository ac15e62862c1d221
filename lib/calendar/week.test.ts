import { describe, expect, it } from 'vitest';
import { addCalendarDays, currentWeek, daysTouched, isoWeekdayOf, mondayOf, weekContaining } from './week';

const london = 'Europe/London';
const hours = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 3_600_000;

describe('calendar days', () => {
  it('knows the weekday of a day, Monday being 1 and Sunday 7, before 1970 too', () => {
    expect(isoWeekdayOf('2026-03-23')).toBe(1);
    expect(isoWeekdayOf('2026-03-29')).toBe(7);
    expect(isoWeekdayOf('1969-12-31')).toBe(3);
  });

  it('finds the Monday of any day of the week, across months and years', () => {
    expect(mondayOf('2026-03-23')).toBe('2026-03-23');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-04-01')).toBe('2026-03-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('a week in a time zone', () => {
  it('runs Monday to Sunday from local midnight, in winter on GMT', () => {
    const week = weekContaining('2026-01-15', london);
    expect(week.monday).toBe('2026-01-12');
    expect(week.days.map((d) => d.key)).toEqual([
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
      '2026-01-18',
    ]);
    expect(week.days.map((d) => d.isoWeekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(week.start.toISOString()).toBe('2026-01-12T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-01-19T00:00:00.000Z');
    expect(hours(week.start, week.end)).toBe(168);
    expect(week.previous).toBe('2026-01-05');
    expect(week.next).toBe('2026-01-19');
  });

  it('has 167 hours in the week of the last Sunday of March, when the clocks go forward', () => {
    const week = weekContaining('2026-03-26', london);
    expect(week.monday).toBe('2026-03-23');
    expect(week.start.toISOString()).toBe('2026-03-23T00:00:00.000Z');
    // Midnight after Sunday 29 March is BST: 23:00 UTC.
    expect(week.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(hours(week.start, week.end)).toBe(167);
    const sunday = week.days[6]!;
    expect(sunday.key).toBe('2026-03-29');
    expect(hours(sunday.start, sunday.end)).toBe(23);
    expect(week.days.slice(0, 6).every((d) => hours(d.start, d.end) === 24)).toBe(true);
    // The next week starts where this one ends, at local midnight.
    expect(weekContaining(week.next, london).start).toEqual(week.end);
  });

  it('has 169 hours in the week of the last Sunday of October, when the clocks go back', () => {
    const week = weekContaining('2026-10-25', london);
    expect(week.monday).toBe('2026-10-19');
    expect(week.start.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(hours(week.start, week.end)).toBe(169);
    expect(hours(week.days[6]!.start, week.days[6]!.end)).toBe(25);
  });

  it('starts at the team’s midnight, wherever the team is', () => {
    const week = weekContaining('2026-06-24', 'Pacific/Auckland');
    expect(week.monday).toBe('2026-06-22');
    expect(week.start.toISOString()).toBe('2026-06-21T12:00:00.000Z');
  });

  it('takes this week from today in the zone, not in UTC', () => {
    // 23:30 UTC on Sunday 29 March is 00:30 on Monday 30 March in London.
    const now = new Date('2026-03-29T23:30:00Z');
    expect(currentWeek(london, now).monday).toBe('2026-03-30');
    expect(currentWeek('UTC', now).monday).toBe('2026-03-23');
  });
});

describe('which days an interval falls on', () => {
  const week = weekContaining('2026-03-30', london);

  it('puts a meeting that crosses midnight on both days', () => {
    // 23:30–00:30 BST, Tuesday into Wednesday.
    expect(daysTouched(week, new Date('2026-03-31T22:30:00Z'), new Date('2026-03-31T23:30:00Z'))).toEqual([
      '2026-03-31',
      '2026-04-01',
    ]);
  });

  it('puts a meeting that ends at midnight on its own day only', () => {
    expect(daysTouched(week, new Date('2026-03-31T22:00:00Z'), new Date('2026-03-31T23:00:00Z'))).toEqual([
      '2026-03-31',
    ]);
  });

  it('keeps a meeting crossing into the next week on this week’s Sunday only', () => {
    const sundayNight = [new Date('2026-04-05T22:30:00Z'), new Date('2026-04-05T23:30:00Z')] as const;
    expect(daysTouched(week, ...sundayNight)).toEqual(['2026-04-05']);
    expect(daysTouched(weekContaining(week.next, london), ...sundayNight)).toEqual(['2026-04-06']);
  });

  it('puts leave spanning the week edge on the days inside the week', () => {
    // Leave from Thursday 26 March to Tuesday 31 March included (local midnights).
    const leave = [new Date('2026-03-26T00:00:00Z'), new Date('2026-03-31T23:00:00Z')] as const;
    expect(daysTouched(week, ...leave)).toEqual(['2026-03-30', '2026-03-31']);
    expect(daysTouched(weekContaining(week.previous, london), ...leave)).toEqual([
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
    expect(daysTouched(week, new Date('2026-03-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z'))).toHaveLength(7);
    expect(daysTouched(week, new Date('2026-04-06T00:00:00Z'), new Date('2026-04-07T00:00:00Z'))).toEqual([]);
  });
});
