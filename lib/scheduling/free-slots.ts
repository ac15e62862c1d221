import { TZDate } from '@date-fns/tz';
import { getISODay } from 'date-fns';
import { clip, erode, intersect, normalise, subtract, totalLength, union, type Interval } from './intervals';
import { expandWeeklyPattern, type WeeklyWindow } from './working-hours';
import { MINUTE_MS } from '@/lib/time/units';

/** Everything the slot search needs to know about one practitioner in the window. */
export type PractitionerCalendar = {
  id: string;
  name: string;
  zone: string;
  isPeer: boolean;
  isCore: boolean;
  pattern: readonly WeeklyWindow[];
  absences: readonly (Interval & { reason: string })[];
  /** Existing meetings as busy intervals, already including their own travel time. */
  busy: readonly Interval[];
};

export type PersonPreferences = { weekdays: readonly number[]; fromMinute: number; toMinute: number; zone: string };

export type SlotRequest = {
  required: readonly PractitionerCalendar[];
  optional?: readonly PractitionerCalendar[];
  window: Interval;
  durationMinutes: number;
  /** Travel time kept free before and after (home and community visits). */
  travelMinutes: number;
  /** No slot starts before this (now plus the minimum notice). */
  earliestStart: number;
  stepMinutes?: number;
  preferences?: PersonPreferences | null;
  limit?: number;
};

export type Slot = {
  start: number;
  end: number;
  optionalFree: string[];
  coreComplete: boolean;
  peerPresent: boolean;
  suitsPerson: boolean;
};

export type NoSlotReason = { message: string; practitionerIds: string[] };

/** When a practitioner could take a meeting of this kind: working, not away, not busy, with travel either side. */
export function freeTime(p: PractitionerCalendar, window: Interval, travelMinutes: number): Interval[] {
  const travel = travelMinutes * MINUTE_MS;
  const wide = { start: window.start - travel, end: window.end + travel };
  const working = expandWeeklyPattern(p.pattern, p.zone, wide);
  const blocked = union(normalise(p.absences), normalise(p.busy));
  return erode(subtract(working, blocked), travel);
}

export function contains(free: readonly Interval[], start: number, end: number): boolean {
  // Binary search for the interval that could hold [start, end).
  let lo = 0;
  let hi = free.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = free[mid]!;
    if (i.end < end) lo = mid + 1;
    else if (i.start > start) hi = mid - 1;
    else return true;
  }
  return false;
}

function suits(prefs: PersonPreferences | null | undefined, start: number, end: number): boolean {
  if (!prefs) return true;
  const local = new TZDate(start, prefs.zone);
  const localEnd = new TZDate(end, prefs.zone);
  const from = local.getHours() * 60 + local.getMinutes();
  const to = localEnd.getHours() * 60 + localEnd.getMinutes() || 24 * 60;
  const dayOk = prefs.weekdays.length === 0 || prefs.weekdays.includes(getISODay(local));
  return dayOk && from >= prefs.fromMinute && to <= prefs.toMinute;
}

/**
 * Free slots for a meeting: everyone required is free (working, not away, not in another
 * meeting, with travel time around visits), after the minimum notice, ranked so the complete
 * core team, a peer worker and the person's preferred times come first, then the earliest.
 * Slots returned never overlap each other, so each is a real choice.
 */
export function findFreeSlots(request: SlotRequest): { slots: Slot[]; reasons: NoSlotReason[] } {
  const step = (request.stepMinutes ?? 15) * MINUTE_MS;
  const duration = request.durationMinutes * MINUTE_MS;
  const window = { start: Math.max(request.window.start, request.earliestStart), end: request.window.end };
  const optional = request.optional ?? [];
  if (window.start >= window.end)
    return {
      slots: [],
      reasons: [
        {
          message: 'The window has already passed, or is inside the minimum notice. Choose later dates.',
          practitionerIds: [],
        },
      ],
    };

  const requiredFree = request.required.map((p) => freeTime(p, window, request.travelMinutes));
  const optionalFree = optional.map((p) => freeTime(p, window, request.travelMinutes));
  let common: Interval[] = [window];
  for (const free of requiredFree) common = intersect(common, free);

  const candidates: Slot[] = [];
  for (const range of common) {
    let start = Math.ceil(range.start / step) * step;
    while (start + duration <= range.end && candidates.length < 5000) {
      const end = start + duration;
      const free = optional.filter((_, i) => contains(optionalFree[i]!, start, end));
      const present = [...request.required, ...free];
      const allCore = [...request.required, ...optional].filter((p) => p.isCore);
      candidates.push({
        start,
        end,
        optionalFree: free.map((p) => p.id),
        coreComplete: allCore.every((c) => present.includes(c)),
        peerPresent: present.some((p) => p.isPeer),
        suitsPerson: suits(request.preferences, start, end),
      });
      start += step;
    }
  }
  if (candidates.length === 0) return { slots: [], reasons: explainNoSlots(request, window, requiredFree, duration) };

  const rank = (s: Slot) => (s.coreComplete ? 4 : 0) + (s.peerPresent ? 2 : 0) + (s.suitsPerson ? 1 : 0);
  const ranked = [...candidates].sort(
    (a, b) => rank(b) - rank(a) || a.start - b.start || b.optionalFree.length - a.optionalFree.length,
  );
  const chosen: Slot[] = [];
  for (const slot of ranked) {
    if (chosen.some((c) => c.start < slot.end && slot.start < c.end)) continue;
    chosen.push(slot);
    if (chosen.length >= (request.limit ?? 12)) break;
  }
  return { slots: chosen, reasons: [] };
}

function day(ms: number, zone: string): string {
  return new TZDate(ms, zone).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: zone,
  });
}

/** Plain reasons why nothing fits: who is away or busy, and when. */
function explainNoSlots(
  request: SlotRequest,
  window: Interval,
  requiredFree: Interval[][],
  duration: number,
): NoSlotReason[] {
  const reasons: NoSlotReason[] = [];
  request.required.forEach((p, i) => {
    const working = expandWeeklyPattern(p.pattern, p.zone, window);
    if (working.length === 0) {
      reasons.push({ message: `${p.name} has no working hours in these dates.`, practitionerIds: [p.id] });
      return;
    }
    for (const a of [...p.absences].sort((x, y) => x.start - y.start)) {
      if (clip([{ start: a.start, end: a.end }], window).length) {
        reasons.push({
          message: `${p.name} is away (${a.reason}) from ${day(a.start, p.zone)} to ${day(a.end - 1, p.zone)}.`,
          practitionerIds: [p.id],
        });
      }
    }
    if (!requiredFree[i]!.some((f) => f.end - f.start >= duration)) {
      const busyShare = totalLength(intersect(working, normalise(p.busy))) / Math.max(1, totalLength(working));
      reasons.push({
        message: `${p.name} has no free ${duration / MINUTE_MS} minutes in these dates${busyShare > 0.5 ? ': their working time is mostly booked' : ''}.`,
        practitionerIds: [p.id],
      });
    }
  });
  if (reasons.length === 0) {
    // Each has time alone: find the pair who are never free together.
    for (let i = 0; i < request.required.length; i++) {
      for (let j = i + 1; j < request.required.length; j++) {
        const together = intersect(requiredFree[i]!, requiredFree[j]!);
        if (!together.some((f) => f.end - f.start >= duration)) {
          const a = request.required[i]!;
          const b = request.required[j]!;
          reasons.push({
            message: `${a.name} and ${b.name} are never free at the same time for ${duration / MINUTE_MS} minutes in these dates.`,
            practitionerIds: [a.id, b.id],
          });
        }
      }
    }
  }
  if (reasons.length === 0)
    reasons.push({
      message: `There is no time when everyone required is free for ${duration / MINUTE_MS} minutes in these dates.`,
      practitionerIds: [],
    });
  return reasons;
}
