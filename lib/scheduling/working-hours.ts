import { TZDate } from '@date-fns/tz';
import { addDays, getISODay } from 'date-fns';
import { normalise, type Interval } from './intervals';

/** A weekly window in the practitioner's own zone: ISO weekday, minutes after local midnight. */
export type WeeklyWindow = { weekday: number; startMinute: number; endMinute: number };

/**
 * The instant of a local wall-clock time in a zone. In the spring gap (01:00–02:00 in London on
 * the last Sunday of March) the time does not exist and moves forward, as clocks do.
 */
export function localTime(year: number, month: number, day: number, minute: number, zone: string): number {
  return new TZDate(year, month, day, Math.floor(minute / 60), minute % 60, zone).getTime();
}

/**
 * A practitioner's working pattern as UTC intervals within `window`, expanded day by day in
 * their own IANA zone, so a 09:00–17:00 day is eight hours on every day, including both
 * daylight-saving change days, and lands on the right instants for someone in another zone.
 */
export function expandWeeklyPattern(pattern: readonly WeeklyWindow[], zone: string, window: Interval): Interval[] {
  if (pattern.length === 0) return [];
  const out: Interval[] = [];
  // Start a day early: a window late in the local evening can begin before the UTC window.
  let day = new TZDate(window.start - 86_400_000, zone);
  day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), zone);
  while (day.getTime() < window.end) {
    const weekday = getISODay(day);
    for (const w of pattern) {
      if (w.weekday !== weekday) continue;
      const start = localTime(day.getFullYear(), day.getMonth(), day.getDate(), w.startMinute, zone);
      const end =
        w.endMinute >= 1440
          ? localTime(day.getFullYear(), day.getMonth(), day.getDate() + 1, 0, zone)
          : localTime(day.getFullYear(), day.getMonth(), day.getDate(), w.endMinute, zone);
      const clipped = { start: Math.max(start, window.start), end: Math.min(end, window.end) };
      if (clipped.start < clipped.end) out.push(clipped);
    }
    day = new TZDate(addDays(day, 1).getTime(), zone);
    day = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), zone);
  }
  return normalise(out);
}
