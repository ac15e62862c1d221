import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "2026-03-29T09:30" typed in `zone` → the instant. Undefined when it is not a real time. */
export function fromLocalInput(value: string, zone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const instant = new TZDate(y, mo - 1, d, h, mi, zone);
  // Reject dates that roll over (31 February) rather than guess what was meant.
  if (instant.getMonth() !== mo - 1 || instant.getDate() !== d) return undefined;
  return new Date(instant.getTime());
}

/** The instant as a datetime-local value in `zone`. */
export function toLocalInput(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), "yyyy-MM-dd'T'HH:mm");
}

/** Today's date (yyyy-MM-dd) in `zone`. */
export function todayIn(zone: string, now = new Date()): string {
  return format(new TZDate(now.getTime(), zone), 'yyyy-MM-dd');
}

/** Year, month (1–12) and day of a yyyy-MM-dd string, or undefined when it is not a real date. */
export function calendarDateParts(value: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return [y, mo, d];
}

/** A yyyy-MM-dd string that is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  return calendarDateParts(value) !== undefined;
}
