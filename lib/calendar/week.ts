import { TZDate } from '@date-fns/tz';
import { calendarDateParts, todayIn } from '@/lib/time/zoned';
import { DAY_MS } from '@/lib/time/units';

/**
 * Calendar weeks in a team's time zone: Monday to Sunday, each day from local midnight to the
 * next local midnight. Days are keyed yyyy-MM-dd and counted on the calendar (never by adding
 * 24 hours), so a week with a clock change has 167 or 169 hours and every day still starts at
 * midnight.
 */
export type CalendarDay = {
  key: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
  start: Date;
  end: Date;
};

export type Week = {
  zone: string;
  /** The Monday's key, which names the week in links. */
  monday: string;
  days: CalendarDay[];
  start: Date;
  end: Date;
  /** The Mondays of the weeks before and after. */
  previous: string;
  next: string;
};

/** Days since 1970-01-01 of a yyyy-MM-dd key (calendar arithmetic, no zone involved). */
function dayNumber(key: string): number {
  const parts = calendarDateParts(key);
  if (!parts) throw new RangeError(`not a calendar day: ${key}`);
  return Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY_MS;
}

function dayKey(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The key `days` calendar days after (or before) `key`. */
export function addCalendarDays(key: string, days: number): string {
  return dayKey(dayNumber(key) + days);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(key: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(key) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week holding `key`. */
export function mondayOf(key: string): string {
  return addCalendarDays(key, 1 - isoWeekdayOf(key));
}

/** Local midnight at the start of a calendar day, in the zone. */
export function startOfDayIn(key: string, zone: string): Date {
  const [y, m, d] = calendarDateParts(key)!;
  return new Date(new TZDate(y, m - 1, d, zone).getTime());
}

/** The week (Monday to Sunday in `zone`) that holds the calendar day `key`. */
export function weekContaining(key: string, zone: string): Week {
  const monday = mondayOf(key);
  const starts = Array.from({ length: 8 }, (_, i) => startOfDayIn(addCalendarDays(monday, i), zone));
  const days = Array.from({ length: 7 }, (_, i) => ({
    key: addCalendarDays(monday, i),
    isoWeekday: i + 1,
    start: starts[i]!,
    end: starts[i + 1]!,
  }));
  return {
    zone,
    monday,
    days,
    start: starts[0]!,
    end: starts[7]!,
    previous: addCalendarDays(monday, -7),
    next: addCalendarDays(monday, 7),
  };
}

/** This week in the zone. */
export function currentWeek(zone: string, now = new Date()): Week {
  return weekContaining(todayIn(zone, now), zone);
}

/**
 * The days of the week an interval [start, end) falls on: a meeting from 23:30 to 00:30 is on
 * both days; one ending exactly at midnight is only on the first; a fortnight's leave is on all
 * seven.
 */
export function daysTouched(week: Week, start: Date, end: Date): string[] {
  return week.days.filter((day) => start < day.end && end > day.start).map((day) => day.key);
}
