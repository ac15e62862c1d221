import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format } from 'date-fns';

/** "10:00" in the given IANA zone. */
export function timeOfDay(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'HH:mm');
}

/** "10:00–11:30" in the zone of the meeting. */
export function timeRange(start: Date, end: Date, zone: string): string {
  return `${timeOfDay(start, zone)}–${timeOfDay(end, zone)}`;
}

/** The zone's short name at that instant, e.g. "GMT" or "BST". */
export function zoneAbbreviation(instant: Date, zone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** The local calendar day of an instant in a zone, as yyyy-MM-dd (for grouping). */
export function localDayKey(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'yyyy-MM-dd');
}

/** "Today", "Tomorrow", or "Wednesday 25 November", relative to `now` in the same zone. */
export function dayHeading(instant: Date, now: Date, zone: string): string {
  const local = new TZDate(instant.getTime(), zone);
  const days = differenceInCalendarDays(local, new TZDate(now.getTime(), zone));
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  return format(local, 'EEEE d MMMM');
}

/** "Tuesday 24 November 2026". */
export function longDate(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'EEEE d MMMM yyyy');
}
