import { contains, freeTime, type PractitionerCalendar } from './free-slots';
import type { Interval } from './intervals';
import { MINUTE_MS } from '@/lib/time/units';

export type CrisisOption = {
  start: number;
  end: number;
  /** The two who would go: a peer support worker first when one is free. */
  pair: [PractitionerCalendar, PractitionerCalendar];
  peerIncluded: boolean;
  /** Starts before the 24-hour mark from the referral. */
  beforeDeadline: boolean;
};

/** Core team first, then whoever has fewer meetings in the window (shares the load). */
function preference(a: PractitionerCalendar, b: PractitionerCalendar): number {
  return Number(b.isCore) - Number(a.isCore) || a.busy.length - b.busy.length || a.name.localeCompare(b.name);
}

/** The two to send from those free: a peer worker with the best other practitioner, else the best two. */
export function choosePair(free: readonly PractitionerCalendar[]): [PractitionerCalendar, PractitionerCalendar] | null {
  if (free.length < 2) return null;
  const ordered = [...free].sort(preference);
  const peer = ordered.find((p) => p.isPeer);
  if (!peer) return [ordered[0]!, ordered[1]!];
  // Prefer a clinician beside the peer worker; a second peer worker only when no one else is free.
  const partner = ordered.find((p) => p !== peer && !p.isPeer) ?? ordered.find((p) => p !== peer)!;
  return [peer, partner];
}

/**
 * The crisis path: the first meeting within 24 hours of the referral. Looks across the whole
 * team for times when two practitioners are free (working, not away, not in a meeting, with
 * travel either side): the soonest such time, then times before the 24-hour mark with a peer
 * support worker in the pair, then the earliest. Options never overlap, so each is a real choice; they
 * come back in time order.
 */
export function crisisOptions(args: {
  team: readonly PractitionerCalendar[];
  window: Interval;
  durationMinutes: number;
  travelMinutes: number;
  earliestStart: number;
  deadline: number;
  stepMinutes?: number;
  limit?: number;
}): CrisisOption[] {
  const step = (args.stepMinutes ?? 15) * MINUTE_MS;
  const duration = args.durationMinutes * MINUTE_MS;
  const window = { start: Math.max(args.window.start, args.earliestStart), end: args.window.end };
  if (window.start >= window.end) return [];
  const free = args.team.map((p) => freeTime(p, window, args.travelMinutes));
  const candidates: CrisisOption[] = [];
  for (let start = Math.ceil(window.start / step) * step; start + duration <= window.end; start += step) {
    const end = start + duration;
    const pair = choosePair(args.team.filter((_, i) => contains(free[i]!, start, end)));
    if (pair)
      candidates.push({
        start,
        end,
        pair,
        peerIncluded: pair.some((p) => p.isPeer),
        beforeDeadline: start < args.deadline,
      });
  }
  const rank = (o: CrisisOption) => (o.beforeDeadline ? 2 : 0) + (o.peerIncluded ? 1 : 0);
  // The soonest time always shows, whoever is free; then a peer worker is preferred.
  const ranked = [...candidates].sort((a, b) => rank(b) - rank(a) || a.start - b.start);
  const soonest = candidates[0];
  const chosen: CrisisOption[] = [];
  for (const option of soonest ? [soonest, ...ranked] : ranked) {
    // An hour apart at least, so the list offers different parts of the day.
    if (chosen.some((c) => Math.abs(c.start - option.start) < Math.max(duration, 60 * MINUTE_MS))) continue;
    chosen.push(option);
    if (chosen.length >= (args.limit ?? 8)) break;
  }
  return chosen.sort((a, b) => a.start - b.start);
}
