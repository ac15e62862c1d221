import { DAY_MS, HOUR_MS } from '@/lib/time/units';

/**
 * The continuity measures of DESIGN.md §6, as pure functions over a person's held meetings.
 * Everything rests on who actually came (attendance), never on who was booked.
 */
export type HeldMeeting = {
  id: string;
  startsAt: Date;
  /** The meeting's date where the team is ('YYYY-MM-DD'): gaps are counted in days on the calendar. */
  day: string;
  /** Practitioners who came, in person or by phone or video (covering colleagues included). */
  came: readonly string[];
  /** Practitioners booked who did not come. */
  missed: readonly string[];
  /** The person's core team on the meeting's day. */
  coreTeam: readonly string[];
  /** Of those who came, the peer support workers. */
  peersCame: readonly string[];
  /** Network members who came. */
  membersCame: readonly string[];
  /** Network members marked as not there (apologies, no word). */
  membersMissed: readonly string[];
  personCame: boolean;
};

/** A share: how many of how many. The "of" is what the figure rests on. */
export type Share = { n: number; of: number };

export type Strip = {
  /** Held meetings in the period (N). */
  meetings: number;
  /** Fewer than 4 meetings: the indices are shown marked "few meetings". */
  few: boolean;
  /** Hours from referral to the first held meeting (whatever the period); null before it. */
  referralToFirstHours: number | null;
  /** Days between consecutive meetings in the period. */
  gaps: { count: number; median: number | null; longest: number | null };
  core: { any: Share; whole: Share; peer: Share };
  /** Null below 2 meetings. */
  indices: { upc: number; coc: number; pairUpc: number; secon: number; seconOverlap: number } | null;
  /** Meetings after the person's first where everyone from the team had met them before. */
  knownTeam: Share;
  /** Mean network members who came per meeting; null without meetings. */
  membersPerMeeting: number | null;
  personCame: Share;
};

export const FEW_MEETINGS = 4;
export const INDICES_FROM = 2;

const dayNumber = (day: string) => Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;

/** Whole days between two calendar dates: 7 from one Saturday to the next, clock change or not. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th quantile (0–1) by linear interpolation, for the spread shown beside a median. */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Days between each meeting and the next, oldest first. */
export function gapsInDays(meetings: readonly Pick<HeldMeeting, 'day'>[]): number[] {
  return meetings.slice(1).map((m, i) => daysBetween(meetings[i]!.day, m.day));
}

/** How many meetings each practitioner came to (n_i). */
export function visitsByPractitioner(meetings: readonly Pick<HeldMeeting, 'came'>[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const m of meetings) for (const id of new Set(m.came)) n.set(id, (n.get(id) ?? 0) + 1);
  return n;
}

/** Usual provider of care: the share of meetings that the most regular practitioner came to. */
export function upc(meetings: readonly Pick<HeldMeeting, 'came'>[]): number {
  if (meetings.length === 0) return 0;
  return Math.max(0, ...visitsByPractitioner(meetings).values()) / meetings.length;
}

/**
 * Bice–Boxerman continuity of care, (Σ n_i² − N) / (N(N − 1)), with each practitioner at each
 * meeting counted as one contact, so N here is the number of contacts: 1 when one practitioner
 * made every contact, 0 when every contact was with someone new. Made for one clinician per
 * visit, which network meetings are not.
 */
export function coc(meetings: readonly Pick<HeldMeeting, 'came'>[]): number {
  const n = [...visitsByPractitioner(meetings).values()];
  const contacts = n.reduce((s, x) => s + x, 0);
  if (contacts < 2) return 0;
  return (n.reduce((s, x) => s + x * x, 0) - contacts) / (contacts * (contacts - 1));
}

const setKey = (ids: readonly string[]) => [...new Set(ids)].sort().join(' ');

/** Pair UPC: the share of meetings whose practitioners were exactly the most common set. */
export function pairUpc(meetings: readonly Pick<HeldMeeting, 'came'>[]): number {
  if (meetings.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const m of meetings) counts.set(setKey(m.came), (counts.get(setKey(m.came)) ?? 0) + 1);
  return Math.max(...counts.values()) / meetings.length;
}

/**
 * Sequential continuity: the share of consecutive pairs of meetings that share at least one
 * practitioner, and the mean overlap |P_j ∩ P_j+1| / |P_j ∪ P_j+1| of those pairs.
 */
export function secon(meetings: readonly Pick<HeldMeeting, 'came'>[]): { shared: number; overlap: number } {
  if (meetings.length < 2) return { shared: 0, overlap: 0 };
  let shared = 0;
  let overlap = 0;
  for (let j = 1; j < meetings.length; j++) {
    const a = new Set(meetings[j - 1]!.came);
    const b = new Set(meetings[j]!.came);
    const both = [...a].filter((id) => b.has(id)).length;
    const either = new Set([...a, ...b]).size;
    if (both > 0) shared++;
    overlap += either === 0 ? 0 : both / either;
  }
  const pairs = meetings.length - 1;
  return { shared: shared / pairs, overlap: overlap / pairs };
}

/** Whether at least one of the core team on the day came. */
export const coreCame = (m: Pick<HeldMeeting, 'came' | 'coreTeam'>) => m.came.some((id) => m.coreTeam.includes(id));
/** Whether the whole core team on the day came (a day without a core team does not count as whole). */
export const wholeCoreCame = (m: Pick<HeldMeeting, 'came' | 'coreTeam'>) =>
  m.coreTeam.length > 0 && m.coreTeam.every((id) => m.came.includes(id));

/**
 * The strip of numbers for the meetings in a period. `all` is every held meeting of the person,
 * oldest first (whether a practitioner had met the person before looks before the period too).
 */
export function strip(input: { all: readonly HeldMeeting[]; from?: Date; to?: Date; referralAt: Date }): Strip {
  const inPeriod = input.all.filter(
    (m) => (!input.from || m.startsAt >= input.from) && (!input.to || m.startsAt < input.to),
  );
  const N = inPeriod.length;
  const gaps = gapsInDays(inPeriod);
  const first = input.all[0];
  const met = new Set<string>();
  const knownTeam: Share = { n: 0, of: 0 };
  for (const m of input.all) {
    const counted = inPeriod.includes(m) && m !== first;
    if (counted) {
      knownTeam.of++;
      if (m.came.length > 0 && m.came.every((id) => met.has(id))) knownTeam.n++;
    }
    for (const id of m.came) met.add(id);
  }
  const s = secon(inPeriod);
  return {
    meetings: N,
    few: N < FEW_MEETINGS,
    referralToFirstHours: first ? (first.startsAt.getTime() - input.referralAt.getTime()) / HOUR_MS : null,
    gaps: { count: gaps.length, median: median(gaps), longest: gaps.length ? Math.max(...gaps) : null },
    core: {
      any: { n: inPeriod.filter(coreCame).length, of: N },
      whole: { n: inPeriod.filter(wholeCoreCame).length, of: N },
      peer: { n: inPeriod.filter((m) => m.peersCame.length > 0).length, of: N },
    },
    indices:
      N < INDICES_FROM
        ? null
        : {
            upc: upc(inPeriod),
            coc: coc(inPeriod),
            pairUpc: pairUpc(inPeriod),
            secon: s.shared,
            seconOverlap: s.overlap,
          },
    knownTeam,
    membersPerMeeting: N === 0 ? null : inPeriod.reduce((sum, m) => sum + m.membersCame.length, 0) / N,
    personCame: { n: inPeriod.filter((m) => m.personCame).length, of: N },
  };
}
