import type { AbsenceReason } from '@/lib/admin/labels';
import { zoneAbbreviation } from '@/lib/time/format';
import { calendarDateParts } from '@/lib/time/zoned';
import type { Week } from './week';

/**
 * Names of calendar days and weeks. They are dates, not instants: formatted in UTC from the
 * day's own year, month and day, so no zone can move them.
 */
const longDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
const shortDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long' });

function asUtc(key: string): Date {
  const [y, m, d] = calendarDateParts(key) ?? [NaN, NaN, NaN];
  return new Date(Date.UTC(y, m - 1, d));
}

/** "Monday 23 March". */
export function dayName(key: string): string {
  return longDay.format(asUtc(key));
}

/** "Mon 23 Mar". */
export function shortDayName(key: string): string {
  return shortDay.format(asUtc(key));
}

/** "23–29 March 2026", "30 March – 5 April 2026" or "28 December 2026 – 3 January 2027". */
export function weekTitle(week: Week): string {
  const first = week.days[0]!.key;
  const last = week.days[6]!.key;
  const [y1, m1, d1] = calendarDateParts(first)!;
  const [y2, m2, d2] = calendarDateParts(last)!;
  if (y1 !== y2) return `${dayMonth.format(asUtc(first))} ${y1} – ${dayMonth.format(asUtc(last))} ${y2}`;
  if (m1 !== m2) return `${dayMonth.format(asUtc(first))} – ${dayMonth.format(asUtc(last))} ${y2}`;
  return `${d1}–${d2} ${dayMonth.format(asUtc(last)).replace(/^\d+ /, '')} ${y2}`;
}

/** How an absence reads on the calendar; the note stays with administrators. */
export const absenceLabel: Record<AbsenceReason, string> = {
  leave: 'On leave',
  training: 'Training',
  sickness: 'Off sick',
  other: 'Away',
};

/** "Times in Europe/London (GMT)", or "(GMT, then BST)" in a week when the clocks change. */
export function zoneNote(week: Week): string {
  const first = zoneAbbreviation(week.start, week.zone);
  const last = zoneAbbreviation(new Date(week.end.getTime() - 1), week.zone);
  const name = week.zone.replaceAll('_', ' ');
  if (first === week.zone) return `Times in ${name}`;
  return `Times in ${name} (${first === last ? first : `${first}, then ${last}`})`;
}
