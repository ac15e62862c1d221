/**
 * Dates and times shown in a meeting's or team's IANA zone. One Intl formatter per zone is
 * built once and kept: creating formatters is the expensive part, and pages format hundreds
 * of instants.
 */
type Parts = { year: string; month: string; monthName: string; day: string; weekday: string; hour: string; minute: string; zoneName: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const monthNumber: Record<string, string> = {
  January: '01', February: '02', March: '03', April: '04', May: '05', June: '06',
  July: '07', August: '08', September: '09', October: '10', November: '11', December: '12',
};

function parts(instant: Date, zone: string): Parts {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(instant)) p[part.type] = part.value;
  return {
    year: p.year ?? '',
    month: monthNumber[p.month ?? ''] ?? '00',
    monthName: p.month ?? '',
    day: (p.day ?? '').padStart(2, '0'),
    weekday: p.weekday ?? '',
    hour: p.hour ?? '00',
    minute: p.minute ?? '00',
    zoneName: p.timeZoneName ?? zone,
  };
}

/** "10:00" in the given IANA zone. */
export function timeOfDay(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.hour}:${p.minute}`;
}

/** "10:00–11:30" in the zone of the meeting. */
export function timeRange(start: Date, end: Date, zone: string): string {
  return `${timeOfDay(start, zone)}–${timeOfDay(end, zone)}`;
}

/** The zone's short name at that instant, e.g. "GMT" or "BST". */
export function zoneAbbreviation(instant: Date, zone: string): string {
  return parts(instant, zone).zoneName;
}

/** The local calendar day of an instant in a zone, as yyyy-MM-dd (for grouping). */
export function localDayKey(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

function dayNumber(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / 86_400_000;
}

/** "Today", "Tomorrow", or "Wednesday 25 November", relative to `now` in the same zone. */
export function dayHeading(instant: Date, now: Date, zone: string): string {
  const days = dayNumber(localDayKey(instant, zone)) - dayNumber(localDayKey(now, zone));
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  const p = parts(instant, zone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName}`;
}

/** "Tuesday 24 November 2026". */
export function longDate(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${p.weekday} ${Number(p.day)} ${p.monthName} ${p.year}`;
}
