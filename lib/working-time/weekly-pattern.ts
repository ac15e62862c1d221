/**
 * A practitioner's weekly working pattern: windows of local time per ISO weekday, in their own
 * time zone. Minutes after local midnight, end exclusive; 1440 is midnight at the end of the day.
 */
export type WorkingWindow = { weekday: number; startMinute: number; endMinute: number };

export const weekdays = [
  { iso: 1, name: 'Monday' },
  { iso: 2, name: 'Tuesday' },
  { iso: 3, name: 'Wednesday' },
  { iso: 4, name: 'Thursday' },
  { iso: 5, name: 'Friday' },
  { iso: 6, name: 'Saturday' },
  { iso: 7, name: 'Sunday' },
] as const;

export const MAX_WINDOWS_PER_DAY = 6;

/** The form's field names: one start and one end per row, rows numbered within each day. */
export function windowFieldName(weekday: number, row: number, edge: 'start' | 'end'): string {
  return `w-${weekday}-${row}-${edge}`;
}

const FIELD = /^w-([1-7])-(\d{1,2})-(start|end)$/;

/** "09:30" → 570. Midnight as an end ("00:00" or "24:00") is 1440. Undefined when not a time. */
export function parseClock(value: string, edge: 'start' | 'end'): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  const minute = hours * 60 + minutes;
  if (edge === 'start') return minute === 1440 ? undefined : minute;
  return minute === 0 ? 1440 : minute;
}

/** 570 → "09:30"; 1440 → "00:00", which the form reads back as midnight at the end. */
export function clockValue(minute: number): string {
  const m = minute % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** 570 → "09:30"; 1440 → "midnight", for reading rather than editing. */
export function clockLabel(minute: number): string {
  return minute === 1440 ? 'midnight' : clockValue(minute);
}

export type PatternReading = { windows: WorkingWindow[]; errors: Record<string, string> };

/**
 * Reads the editor's fields into windows, or says beside which field what is wrong: a time
 * missing its partner, a time that is not one, an end not after its start, or two windows on
 * one day that overlap. A row with both times blank is simply not there.
 */
export function readWeeklyPattern(values: Record<string, string | undefined>): PatternReading {
  const rows = new Map<string, { weekday: number; row: number; start: string; end: string }>();
  for (const [key, raw] of Object.entries(values)) {
    const m = FIELD.exec(key);
    if (!m) continue;
    const weekday = Number(m[1]);
    const row = Number(m[2]);
    const id = `${weekday}-${row}`;
    const entry = rows.get(id) ?? { weekday, row, start: '', end: '' };
    entry[m[3] as 'start' | 'end'] = (raw ?? '').trim();
    rows.set(id, entry);
  }

  const errors: Record<string, string> = {};
  const perDay = new Map<number, (WorkingWindow & { row: number })[]>();
  for (const { weekday, row, start, end } of [...rows.values()].sort(
    (a, b) => a.weekday - b.weekday || a.row - b.row,
  )) {
    if (!start && !end) continue;
    const startName = windowFieldName(weekday, row, 'start');
    const endName = windowFieldName(weekday, row, 'end');
    if (!start) {
      errors[startName] = 'Enter the time work starts, or clear the end time too.';
      continue;
    }
    if (!end) {
      errors[endName] = 'Enter the time work ends, or clear the start time too.';
      continue;
    }
    const startMinute = parseClock(start, 'start');
    const endMinute = parseClock(end, 'end');
    if (startMinute === undefined) errors[startName] = 'Enter a time like 09:00.';
    if (endMinute === undefined) errors[endName] = 'Enter a time like 17:00.';
    if (startMinute === undefined || endMinute === undefined) continue;
    if (endMinute <= startMinute) {
      errors[endName] = `The end must be after the start (${clockValue(startMinute)}).`;
      continue;
    }
    perDay.set(weekday, [...(perDay.get(weekday) ?? []), { weekday, row, startMinute, endMinute }]);
  }

  const windows: WorkingWindow[] = [];
  for (const [weekday, list] of perDay) {
    if (list.length > MAX_WINDOWS_PER_DAY) {
      errors[windowFieldName(weekday, list[MAX_WINDOWS_PER_DAY]!.row, 'start')] =
        `Use at most ${MAX_WINDOWS_PER_DAY} times on one day.`;
    }
    const sorted = [...list].sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute);
    sorted.forEach((window, i) => {
      const earlier = sorted.slice(0, i).find((w) => w.endMinute > window.startMinute);
      if (earlier) {
        errors[windowFieldName(weekday, window.row, 'start')] =
          `This overlaps ${clockLabel(earlier.startMinute)}–${clockLabel(earlier.endMinute)} on the same day. Change one of them, or join them into one.`;
      }
      windows.push({ weekday, startMinute: window.startMinute, endMinute: window.endMinute });
    });
  }
  windows.sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  return { windows, errors };
}

/** "Monday 09:00–17:00; Friday 09:00–12:30, 13:30–17:00" for audit details and summaries. */
export function describePattern(windows: readonly WorkingWindow[]): string {
  if (windows.length === 0) return 'No working hours';
  return weekdays
    .map(({ iso, name }) => {
      const day = windows.filter((w) => w.weekday === iso).sort((a, b) => a.startMinute - b.startMinute);
      return day.length
        ? `${name} ${day.map((w) => `${clockLabel(w.startMinute)}–${clockLabel(w.endMinute)}`).join(', ')}`
        : null;
    })
    .filter(Boolean)
    .join('; ');
}

/** Hours worked in a week, for a quick check that the pattern looks right. */
export function weeklyMinutes(windows: readonly WorkingWindow[]): number {
  return windows.reduce((sum, w) => sum + (w.endMinute - w.startMinute), 0);
}
