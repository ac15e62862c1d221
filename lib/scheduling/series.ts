import { TZDate } from '@date-fns/tz';
import { addDays, addWeeks } from 'date-fns';
import { findFreeSlots, freeTime, type PractitionerCalendar, type Slot } from './free-slots';
import { overlaps, type Interval } from './intervals';
import { localTime } from './working-hours';
import { DAY_MS, MINUTE_MS } from '@/lib/time/units';

export const repeatKinds = ['daily', 'weekly'] as const;
export type Repeat = (typeof repeatKinds)[number];

/**
 * The starts of a series at the same local wall-clock time in the team's zone: a 10:00 weekly
 * meeting stays at 10:00 across a daylight-saving change (so its UTC instant moves by an hour).
 */
export function occurrenceStarts(first: number, repeat: Repeat, count: number, zone: string): number[] {
  const local = new TZDate(first, zone);
  const minute = local.getHours() * 60 + local.getMinutes();
  const starts: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = repeat === 'daily' ? addDays(local, i) : addWeeks(local, i);
    starts.push(localTime(day.getFullYear(), day.getMonth(), day.getDate(), minute, zone));
  }
  return starts;
}

/** Moves each start by the same wall-clock change as `from` → `to` (for "this and the rest"). */
export function shiftedStarts(starts: readonly number[], from: number, to: number, zone: string): number[] {
  const a = new TZDate(from, zone);
  const b = new TZDate(to, zone);
  const dayShift = Math.round(
    (Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) /
      DAY_MS,
  );
  const minute = b.getHours() * 60 + b.getMinutes();
  return starts.map((s) => {
    const d = addDays(new TZDate(s, zone), dayShift);
    return localTime(d.getFullYear(), d.getMonth(), d.getDate(), minute, zone);
  });
}

export type OccurrenceCheck = {
  start: number;
  end: number;
  /** Empty when everyone required is free. */
  problems: string[];
  /** Other free times on the same day when this one clashes, best first. */
  alternatives: Slot[];
};

/** Why a practitioner cannot come at [start, end): away, in another meeting, or not working. */
export function whyNotFree(p: PractitionerCalendar, slot: Interval, travelMinutes: number): string | null {
  const travel = travelMinutes * MINUTE_MS;
  const wide = { start: slot.start - travel, end: slot.end + travel };
  const away = p.absences.find((a) => overlaps(a, wide));
  if (away) return `${p.name} is away (${away.reason})`;
  if (p.busy.some((b) => overlaps(b, wide))) return `${p.name} is in another meeting`;
  const free = freeTime({ ...p, busy: [], absences: [] }, slot, travelMinutes);
  if (!free.some((f) => f.start <= slot.start && f.end >= slot.end)) return `${p.name} is not working then`;
  return null;
}

/**
 * Who of those welcome to join is free for the whole of each meeting (with travel): only they
 * are added; the others are simply not, since "if free" never blocks a booking.
 */
export function freeToJoin(optional: readonly PractitionerCalendar[], slot: Interval, travelMinutes: number): string[] {
  return optional.filter((p) => whyNotFree(p, slot, travelMinutes) === null).map((p) => p.id);
}

/** Those welcome to join who were left out of at least one of the meetings booked. */
export function leftOut(optionalIds: readonly string[], joinedPerMeeting: readonly (readonly string[])[]): string[] {
  return optionalIds.filter((id) => joinedPerMeeting.some((joined) => !joined.includes(id)));
}

/** "Sam Patel was not added: not free then." for the confirmation of a booking or a move. */
export function leftOutSentence(names: readonly string[], meetings: number): string | undefined {
  if (names.length === 0) return undefined;
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return meetings === 1
    ? `${list} ${names.length === 1 ? 'was' : 'were'} not added: not free then.`
    : `${list} ${names.length === 1 ? 'was' : 'were'} not added to every meeting: not free at some of the times.`;
}

/**
 * Checks every occurrence of a series before anything is saved: who cannot come to each, and
 * for the ones that clash, other free times that day for everyone required. Occurrences are
 * also checked against each other (a long daily meeting with travel cannot overlap the next).
 */
export function checkOccurrences(args: {
  starts: readonly number[];
  durationMinutes: number;
  travelMinutes: number;
  required: readonly PractitionerCalendar[];
  optional?: readonly PractitionerCalendar[];
  zone: string;
  earliestStart: number;
}): OccurrenceCheck[] {
  const duration = args.durationMinutes * MINUTE_MS;
  return args.starts.map((start, index) => {
    const slot = { start, end: start + duration };
    const problems: string[] = [];
    if (start < args.earliestStart) problems.push('This time has passed or is inside the minimum notice');
    for (const p of args.required) {
      const why = whyNotFree(p, slot, args.travelMinutes);
      if (why) problems.push(why);
    }
    const travel = args.travelMinutes * MINUTE_MS;
    if (
      args.starts.some(
        (other, j) =>
          j !== index &&
          overlaps(
            { start: other - travel, end: other + duration + travel },
            { start: slot.start - travel, end: slot.end + travel },
          ),
      )
    ) {
      problems.push('It overlaps another meeting of this series');
    }
    let alternatives: Slot[] = [];
    if (problems.length > 0) {
      const local = new TZDate(start, args.zone);
      const dayStart = localTime(local.getFullYear(), local.getMonth(), local.getDate(), 0, args.zone);
      const dayEnd = localTime(local.getFullYear(), local.getMonth(), local.getDate() + 1, 0, args.zone);
      const others = args.starts
        .filter((_, j) => j !== index)
        .map((s) => ({ start: s - travel, end: s + duration + travel }));
      alternatives = findFreeSlots({
        required: args.required.map((p) => ({ ...p, busy: [...p.busy, ...others] })),
        optional: args.optional,
        window: { start: dayStart, end: dayEnd },
        durationMinutes: args.durationMinutes,
        travelMinutes: args.travelMinutes,
        earliestStart: args.earliestStart,
        limit: 16,
      })
        .slots.sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start))
        .slice(0, 3);
    }
    return { start, end: slot.end, problems, alternatives };
  });
}
