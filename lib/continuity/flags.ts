import { DAY_MS, HOUR_MS } from '@/lib/time/units';

/** The team's thresholds for the flags (team settings). */
export type Thresholds = { firstMeetingHours: number; gapDays: number; signDays: number };

export const defaultThresholds: Thresholds = { firstMeetingHours: 24, gapDays: 14, signDays: 3 };

/**
 * Unsigned records and overdue actions are looked for in the meetings of the last 12 months:
 * the flags are about the work in hand, and reading every record of every year would make the
 * review's cost grow with the team's history (the trends cover the years).
 */
export const FLAG_WINDOW_DAYS = 365;

export function flagWindowStart(now: Date): Date {
  return new Date(now.getTime() - FLAG_WINDOW_DAYS * DAY_MS);
}

/** One of a person's latest held meetings, as the flags need it. */
export type RecentMeeting = {
  startsAt: Date;
  /** Practitioners who came. */
  came: readonly string[];
  /** At least one of the person's core team on that day came. */
  coreCame: boolean;
  /** A peer support worker came. */
  peerCame: boolean;
  /** How many network members came. */
  members: number;
};

export type FlagInput = {
  status: 'active' | 'discharged';
  referralAt: Date;
  firstHeldAt: Date | null;
  /** The latest held meetings, newest first (four are enough). */
  latest: readonly RecentMeeting[];
  /** Held meetings of the flag window, more than the team's sign days ago, with no signed record. */
  unsignedRecords: number;
  /** Open actions from the flag window's records whose date has passed. */
  overdueActions: number;
};

export const flags = [
  'late_first',
  'no_recent',
  'few_practitioners',
  'no_core',
  'no_peer',
  'many_practitioners',
  'no_network',
  'unsigned',
  'overdue_action',
] as const;
export type Flag = (typeof flags)[number];

export function isFlag(value: unknown): value is Flag {
  return typeof value === 'string' && (flags as readonly string[]).includes(value);
}

/** The short name of each flag, for the list and its filter. */
export const flagLabel: Record<Flag, string> = {
  late_first: 'Late first meeting',
  no_recent: 'No recent meeting',
  few_practitioners: 'One practitioner',
  no_core: 'No core practitioner',
  no_peer: 'No peer worker',
  many_practitioners: 'Many practitioners',
  no_network: 'No network',
  unsigned: 'Record unsigned',
  overdue_action: 'Overdue action',
};

/** Each flag's rule in words, with the team's own thresholds: shown wherever the flag is. */
export function flagRule(flag: Flag, t: Thresholds): string {
  switch (flag) {
    case 'late_first':
      return `The first meeting came more than ${t.firstMeetingHours} hours after the referral, or has not happened yet.`;
    case 'no_recent':
      return `No meeting for ${t.gapDays} days while active.`;
    case 'few_practitioners':
      return 'Fewer than two practitioners came to the last meeting.';
    case 'no_core':
      return 'No one from the core team came to the last two meetings.';
    case 'no_peer':
      return 'No peer support worker came to the last three meetings.';
    case 'many_practitioners':
      return 'Three or more different practitioners came across the last four meetings.';
    case 'no_network':
      return 'No one from the network came to the last three meetings.';
    case 'unsigned':
      return `A record of the last 12 months is still unsigned ${t.signDays} days after its meeting.`;
    case 'overdue_action':
      return 'An action agreed in a meeting of the last 12 months is past its date.';
  }
}

/** The flags that apply to one person now, in the order of `flags`. */
export function flagsOf(p: FlagInput, t: Thresholds, now: Date): Flag[] {
  const out: Flag[] = [];
  const deadline = p.referralAt.getTime() + t.firstMeetingHours * HOUR_MS;
  if (p.firstHeldAt ? p.firstHeldAt.getTime() > deadline : p.status === 'active' && now.getTime() > deadline)
    out.push('late_first');
  const since = (p.latest[0]?.startsAt ?? p.referralAt).getTime();
  if (p.status === 'active' && now.getTime() - since > t.gapDays * DAY_MS) out.push('no_recent');
  const last = p.latest[0];
  if (last && last.came.length < 2) out.push('few_practitioners');
  const lastTwo = p.latest.slice(0, 2);
  if (lastTwo.length === 2 && lastTwo.every((m) => !m.coreCame)) out.push('no_core');
  const lastThree = p.latest.slice(0, 3);
  if (lastThree.length === 3 && lastThree.every((m) => !m.peerCame)) out.push('no_peer');
  if (new Set(p.latest.slice(0, 4).flatMap((m) => m.came)).size >= 3) out.push('many_practitioners');
  if (lastThree.length === 3 && lastThree.every((m) => m.members === 0)) out.push('no_network');
  if (p.unsignedRecords > 0) out.push('unsigned');
  if (p.overdueActions > 0) out.push('overdue_action');
  return out;
}
