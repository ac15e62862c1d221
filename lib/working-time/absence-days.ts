import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { z } from 'zod';
import { calendarDateParts } from '@/lib/time/zoned';
import { absenceReasons } from '@/lib/admin/labels';

/**
 * Absences are whole days in the practitioner's own time zone, stored as UTC instants: from
 * local midnight at the start of the first day to local midnight after the last day (half-open,
 * so back-to-back absences do not overlap). On a clock-change day that day is 23 or 25 hours.
 */

/** A real calendar day written yyyy-MM-dd, within years a person would mean. */
export function isCalendarDay(day: string): boolean {
  const parts = calendarDateParts(day);
  return parts !== undefined && parts[0] >= 2000 && parts[0] <= 2100;
}

/** The first and last day away, both included, as the instants the database keeps. */
export function wholeDaysToInterval(firstDay: string, lastDay: string, zone: string): { startsAt: Date; endsAt: Date } {
  const first = calendarDateParts(firstDay);
  const last = calendarDateParts(lastDay);
  if (!first || !last) throw new RangeError(`not calendar days: ${firstDay}, ${lastDay}`);
  const startsAt = new TZDate(first[0], first[1] - 1, first[2], zone);
  // The day after the last one (Date arithmetic rolls over months and years).
  const endsAt = new TZDate(last[0], last[1] - 1, last[2] + 1, zone);
  return { startsAt: new Date(startsAt.getTime()), endsAt: new Date(endsAt.getTime()) };
}

/** Back from instants to the first and last day away, in the zone. */
export function intervalToWholeDays(startsAt: Date, endsAt: Date, zone: string): { firstDay: string; lastDay: string } {
  return {
    firstDay: format(new TZDate(startsAt.getTime(), zone), 'yyyy-MM-dd'),
    lastDay: format(new TZDate(endsAt.getTime() - 1, zone), 'yyyy-MM-dd'),
  };
}

/** "Mon 2 Mar 2026", or "Mon 2 Mar – Fri 6 Mar 2026" for several days. */
export function describeDays(firstDay: string, lastDay: string): string {
  // Calendar days, not instants: built and formatted in the same (local) calendar.
  const asDate = (day: string) => {
    const [y, m, d] = calendarDateParts(day) ?? [NaN, NaN, NaN];
    return new Date(y, m - 1, d);
  };
  const first = asDate(firstDay);
  const last = asDate(lastDay);
  if (firstDay === lastDay) return format(first, 'EEE d MMM yyyy');
  return `${format(first, first.getFullYear() === last.getFullYear() ? 'EEE d MMM' : 'EEE d MMM yyyy')} – ${format(last, 'EEE d MMM yyyy')}`;
}

const dayInput = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { message, abort: true })
    .refine(isCalendarDay, 'Enter a real date, like 2026-03-02.');

/** The absence form: who, why, first and last day away (included), and an optional note. */
export const absenceInput = z
  .object({
    userId: z.guid('This link is not right. Reload the page and try again.'),
    reason: z.enum(absenceReasons, { error: 'Choose the reason.' }),
    firstDay: dayInput('Enter the first day away.'),
    lastDay: dayInput('Enter the last day away.'),
    note: z
      .string()
      .trim()
      .max(500, 'Keep the note under 500 characters.')
      .optional()
      .transform((value) => value || null),
  })
  .refine((value) => value.lastDay >= value.firstDay, {
    path: ['lastDay'],
    message: 'The last day cannot be before the first day. Check both dates.',
  });

export type AbsenceInput = z.output<typeof absenceInput>;

export const absenceRefInput = z.object({
  userId: z.guid('This link is not right. Reload the page and try again.'),
  absenceId: z.guid('This link is not right. Reload the page and try again.'),
});
