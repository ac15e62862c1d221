import { MINUTE_MS } from './units';

/**
 * Dates and times shown in a meeting's or team's IANA zone. Pages format hundreds of instants,
 * and Intl's formatToParts costs tens of microseconds a call, so it is asked only for a zone's
 * UTC offset and short name, once per zone and quarter of an hour: every offset in use is a
 * whole number of quarter hours, so a change of offset (which happens at a whole local hour)
 * always falls on a quarter-hour boundary in UTC. The wall-clock fields then come from plain
 * arithmetic on the shifted instant.
 */
type Parts = {
  year: string;
  month: string;
  monthName: string;
  day: string;
  weekday: string;
  hour: string;
  minute: string;
  zoneName: string;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

const QUARTER_HOUR = 15 * MINUTE_MS;
type ZoneState = { offsetMs: number; zoneName: string };
const zoneStates = new Map<string, ZoneState>();

/** The zone's offset from UTC and short name during the quarter hour that holds `ms`. */
function zoneState(ms: number, zone: string): ZoneState {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const key = `${zone} ${quarter}`;
  let state = zoneStates.get(key);
  if (!state) {
    const at = quarter * QUARTER_HOUR;
    const p: Record<string, string> = {};
    for (const part of formatter(zone).formatToParts(at)) p[part.type] = part.value;
    const wallClock = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    state = { offsetMs: wallClock - at, zoneName: p.timeZoneName ?? zone };
    // Bounded: a busy server sees a few thousand quarters of a few zones.
    if (zoneStates.size >= 20_000) zoneStates.clear();
    zoneStates.set(key, state);
  }
  return state;
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const two = (n: number) => String(n).padStart(2, '0');

function parts(instant: Date, zone: string): Parts {
  const ms = instant.getTime();
  const state = zoneState(ms, zone);
  const local = new Date(ms + state.offsetMs);
  return {
    year: String(local.getUTCFullYear()),
    month: two(local.getUTCMonth() + 1),
    monthName: monthNames[local.getUTCMonth()]!,
    day: two(local.getUTCDate()),
    weekday: weekdayNames[local.getUTCDay()]!,
    hour: two(local.getUTCHours()),
    minute: two(local.getUTCMinutes()),
    zoneName: state.zoneName,
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

/** "24 Nov 2026": short enough for a chart's labels and a table's cells. */
export function shortDate(instant: Date, zone: string): string {
  const p = parts(instant, zone);
  return `${Number(p.day)} ${p.monthName.slice(0, 3)} ${p.year}`;
}
