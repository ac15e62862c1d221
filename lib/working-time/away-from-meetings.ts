import type { FormLink } from '@/lib/actions/form-state';
import type { AbsenceReason } from '@/lib/admin/labels';
import { longDate, timeRange, zoneAbbreviation } from '@/lib/time/format';

/**
 * The words for a practitioner who is away during meetings already booked: told to the
 * administrator who records the absence, on the meeting's page, and on Today. A practitioner
 * who "must be there" (required) blocks the meeting; one coming "if free" (optional) does not,
 * so their meetings are named but said to go ahead.
 */

/** "Sam" from "Sam Patel". */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

export type MeetingAway = {
  meetingId: string;
  personId: string;
  personGivenName: string;
  personPreferredName: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  role: 'required' | 'optional';
};

export type AwayNotice = {
  /** "Sam is away for 2 booked meetings. Move them, or change who comes from the team." */
  sentence: string;
  meetings: FormLink[];
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** What the administrator is told after recording an absence over booked meetings; undefined when there are none. */
export function awayNotice(practitionerName: string, list: readonly MeetingAway[]): AwayNotice | undefined {
  if (list.length === 0) return undefined;
  const first = firstNameOf(practitionerName);
  const n = list.length;
  const required = list.filter((m) => m.role === 'required').length;
  const advice =
    required > 0
      ? `${plural(n, 'Move it', 'Move them')}, or change who comes from the team.`
      : `${first} was coming only if free, so ${plural(n, 'it', 'they')} can go ahead.`;
  return {
    sentence: `${first} is away for ${n} booked ${plural(n, 'meeting', 'meetings')}. ${advice}`,
    meetings: meetingLinks(first, list, required > 0),
  };
}

/** Each meeting as a link to its page, where it can be moved or who comes changed. */
function meetingLinks(first: string, list: readonly MeetingAway[], markIfFree: boolean): FormLink[] {
  return list.map((m) => {
    const person = m.personPreferredName?.trim() || m.personGivenName;
    const when = `${longDate(m.startsAt, m.timeZone)}, ${timeRange(m.startsAt, m.endsAt, m.timeZone)} ${zoneAbbreviation(m.startsAt, m.timeZone)}`;
    const ifFree = m.role === 'optional' && markIfFree ? ` (${first} was coming only if free)` : '';
    return { href: `/people/${m.personId}/meetings/${m.meetingId}`, text: `${when}, with ${person}${ifFree}` };
  });
}

/**
 * What the administrator is told after turning a practitioner's access off while they are still
 * in meetings to come: the team must move them or change who comes. Undefined when there are none.
 */
export function accessOffNotice(practitionerName: string, list: readonly MeetingAway[]): AwayNotice | undefined {
  if (list.length === 0) return undefined;
  const first = firstNameOf(practitionerName);
  const n = list.length;
  return {
    sentence: `${first} is still in ${n} booked ${plural(n, 'meeting', 'meetings')} to come. ${plural(n, 'Move it', 'Move them')}, or change who comes from the team.`,
    meetings: meetingLinks(first, list, true),
  };
}

const awayPhrase: Record<AbsenceReason, string> = {
  leave: 'is on leave then',
  training: 'is at training then',
  sickness: 'is off sick then',
  other: 'is away then',
};

/** "Sam is on leave then", for the meeting's page. */
export function awayThen(practitionerName: string, reason: AbsenceReason): string {
  return `${firstNameOf(practitionerName)} ${awayPhrase[reason]}`;
}

/** "Sam is away", "You and Sam are away", "Sam, Priya and Tom are away": for Today's cards. */
export function whoIsAway(away: readonly { name: string; you: boolean }[]): string {
  // The reader first, then the others in the order given.
  const names = [
    ...away.filter((a) => a.you).map(() => 'You'),
    ...away.filter((a) => !a.you).map((a) => firstNameOf(a.name)),
  ];
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `${list} ${names.length === 1 && names[0] !== 'You' ? 'is' : 'are'} away`;
}
