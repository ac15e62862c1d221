import { tzOffset } from '@date-fns/tz';
import { normalise, type Interval } from './intervals';
import { DAY_MS, MINUTE_MS, SECOND_MS } from '@/lib/time/units';

/** A weekly window in the practitioner's own zone: ISO weekday, minutes after local midnight. */
export type WeeklyWindow = { weekday: number; startMinute: number; endMinute: number };

/** The zone's offset from UTC at an instant, in ms (NaN for an unknown zone). */
const offsetMs = (zone: string, at: number) => Math.round(tzOffset(zone, new Date(at)) * 60) * SECOND_MS;

/**
 * The instant at which a zone's clocks show `wall` (a wall-clock time written as if it were UTC),
 * given the zone's offset at any instant. Both offsets a day either side are tried: a zone changes
 * its offset at most once in two days. A time that does not exist (the spring gap) moves forward
 * by the gap, as clocks do; a time that happens twice (the autumn hour) is the first of the two.
 */
function wallToInstant(wall: number, offsetAt: (at: number) => number): number {
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyExists = offsetAt(early) === before;
  const lateExists = offsetAt(late) === after;
  if (earlyExists && lateExists) return Math.min(early, late);
  if (lateExists) return late;
  return early; // exists, or the time is in the gap and `early` is after it
}

/**
 * The instant of a local wall-clock time in a zone. In the spring gap (01:00–02:00 in London on
 * the last Sunday of March) the time does not exist and moves forward, as clocks do; in the hour
 * that repeats in autumn it is the first time the clocks show it.
 */
export function localTime(year: number, month: number, day: number, minute: number, zone: string): number {
  return wallToInstant(Date.UTC(year, month, day, Math.floor(minute / 60), minute % 60), (at) => offsetMs(zone, at));
}

/** A week: no zone changes its offset twice within one, so sampling weekly finds every change. */
const SAMPLE_MS = 7 * DAY_MS;

/**
 * The zone's offsets over [from, to]: each change is found once (sampled weekly, then bisected to
 * the second), so the expansion does plain arithmetic between them instead of asking `Intl` for
 * every day. Returns the offset at any instant; outside [from, to] the nearest known offset holds.
 */
function offsetsBetween(zone: string, start: number, end: number): ((at: number) => number) | null {
  // Whole seconds, so the bisection lands exactly on a change (the zone database's are on seconds).
  const from = Math.floor(start / SECOND_MS) * SECOND_MS;
  const to = Math.ceil(end / SECOND_MS) * SECOND_MS;
  const first = offsetMs(zone, from);
  if (Number.isNaN(first)) return null;
  const changes: number[] = []; // instants at which offsets[i + 1] starts
  const offsets = [first];
  let at = from;
  let offset = first;
  while (at < to) {
    const next = Math.min(at + SAMPLE_MS, to);
    const nextOffset = offsetMs(zone, next);
    if (nextOffset === offset) {
      at = next;
      continue;
    }
    // The first second in (at, next] with another offset.
    let lo = at;
    let hi = next;
    while (hi - lo > SECOND_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / SECOND_MS) * SECOND_MS; // stays on whole seconds
      if (offsetMs(zone, mid) === offset) lo = mid;
      else hi = mid;
    }
    offset = offsetMs(zone, hi);
    changes.push(hi);
    offsets.push(offset);
    at = hi;
  }
  if (changes.length === 0) return () => first;
  return (instant) => {
    let i = 0;
    while (i < changes.length && instant >= changes[i]!) i++;
    return offsets[i]!;
  };
}

/** ISO weekday (Monday 1 … Sunday 7) of a day counted from 1 January 1970, a Thursday. */
const isoWeekday = (dayNumber: number) => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/**
 * A practitioner's working pattern as UTC intervals within `window`, expanded day by day in
 * their own IANA zone, so a 09:00–17:00 day is eight hours on every day, including both
 * daylight-saving change days, and lands on the right instants for someone in another zone.
 */
export function expandWeeklyPattern(pattern: readonly WeeklyWindow[], zone: string, window: Interval): Interval[] {
  if (pattern.length === 0) return [];
  // Local days run from a day before the window (a window late in the local evening can begin
  // before the UTC window) to its end; each wall time is within a day of its instant.
  const offsetAt = offsetsBetween(zone, window.start - 4 * DAY_MS, window.end + 4 * DAY_MS);
  if (!offsetAt) return [];
  const at = (dayNumber: number, minute: number) => wallToInstant(dayNumber * DAY_MS + minute * MINUTE_MS, offsetAt);
  const out: Interval[] = [];
  const from = window.start - DAY_MS;
  for (let day = Math.floor((from + offsetAt(from)) / DAY_MS); at(day, 0) < window.end; day++) {
    const weekday = isoWeekday(day);
    for (const w of pattern) {
      if (w.weekday !== weekday) continue;
      const start = at(day, w.startMinute);
      const end = w.endMinute >= 1440 ? at(day + 1, 0) : at(day, w.endMinute);
      const clipped = { start: Math.max(start, window.start), end: Math.min(end, window.end) };
      if (clipped.start < clipped.end) out.push(clipped);
    }
  }
  return normalise(out);
}
