import type { CalendarAbsence, CalendarMeeting } from '@/db/queries/calendar';
import { daysTouched, type Week } from './week';

/** What one practitioner has on one day: absences first, then meetings in time order. */
export type WeekEntry =
  | { type: 'absence'; id: string; reason: CalendarAbsence['reason'] }
  /** `continued`: the meeting began the day before (it crosses midnight). */
  | { type: 'meeting'; meeting: CalendarMeeting; continued: boolean };

export type WeekEntries = {
  /** A practitioner's entries on a day (an empty list when there are none). */
  on: (userId: string, dayKey: string) => WeekEntry[];
  /** Whether anyone has anything on the day. */
  anyOn: (dayKey: string) => boolean;
};

/** Sorts a week's meetings and absences into practitioner-days, each on every day it touches. */
export function weekEntries(week: Week, meetings: CalendarMeeting[], absences: CalendarAbsence[]): WeekEntries {
  const cells = new Map<string, WeekEntry[]>();
  const busyDays = new Set<string>();
  const add = (userId: string, day: string, entry: WeekEntry) => {
    const key = `${userId} ${day}`;
    cells.set(key, [...(cells.get(key) ?? []), entry]);
    busyDays.add(day);
  };
  const dayStart = new Map(week.days.map((d) => [d.key, d.start.getTime()]));
  for (const a of absences) {
    for (const day of daysTouched(week, a.startsAt, a.endsAt))
      add(a.userId, day, { type: 'absence', id: a.id, reason: a.reason });
  }
  const byStart = [...meetings].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const m of byStart) {
    for (const day of daysTouched(week, m.startsAt, m.endsAt)) {
      add(m.userId, day, { type: 'meeting', meeting: m, continued: m.startsAt.getTime() < dayStart.get(day)! });
    }
  }
  return {
    on: (userId, dayKey) => cells.get(`${userId} ${dayKey}`) ?? [],
    anyOn: (dayKey) => busyDays.has(dayKey),
  };
}
