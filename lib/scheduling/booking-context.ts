import type { Db } from '@/db/client';
import { loadCalendars, teamSchedulingSettings, type NewMeeting } from '@/db/queries/scheduling';
import { AppError } from '@/lib/errors/app-error';
import { createInvitationsToMeetings, type InviteeChoice } from '@/lib/invitations/create-invitations';
import { notifyInvitees } from '@/lib/invitations/notify';
import { MINUTE_MS } from '@/lib/time/units';
import { travelMinutesFor } from './booking-input';
import type { PractitionerCalendar } from './free-slots';
import { isTooSoon } from './rules';
import { whyNotFree } from './series';
import type { PersonRef } from '@/db/queries/people';

/** What the scheduling verbs share: who must come and who is welcome to, and where. */
export type Who = { required: string[]; optional: string[] };
export type Place = { location: NewMeeting['locationKind']; locationDetail: string; videoUrl: string };

/**
 * The team's settings, and the calendars of everyone chosen (only the team's own practitioners,
 * with access). Someone who must be there and cannot be chosen refuses the booking; someone
 * welcome to join who cannot (their access ended) is simply left out, like anyone not free.
 * A discharged person is not booked: refer them again first.
 */
export async function prepareBooking(
  db: Db,
  person: PersonRef,
  who: Who,
  place: Place,
  span: { start: number; end: number },
  ignoreMeetingIds: string[] = [],
) {
  if (person.status === 'discharged') {
    throw new AppError(
      'conflict',
      'They have been discharged, so no meeting can be booked. Refer them again first, from their page.',
    );
  }
  const settings = await teamSchedulingSettings(db, person.teamId);
  if (!settings) throw new AppError('not_found');
  const travelMinutes = travelMinutesFor(place.location, settings.travelBufferMinutes);
  const userIds = [...who.required, ...who.optional];
  const calendars = await loadCalendars(db, {
    teamId: person.teamId,
    userIds,
    window: { start: span.start - travelMinutes * MINUTE_MS, end: span.end + travelMinutes * MINUTE_MS },
    coreUserIds: [],
    ignoreMeetingIds,
  });
  if (calendars.filter((c) => who.required.includes(c.id)).length !== new Set(who.required).size)
    throw new AppError('invalid_input', 'Choose practitioners from the team.', {
      fieldErrors: { required: ['Choose practitioners from the team'] },
    });
  return {
    settings,
    travelMinutes,
    required: calendars.filter((c) => who.required.includes(c.id)),
    optional: calendars.filter((c) => who.optional.includes(c.id)),
  };
}

/**
 * Working hours and absences are checked here; other meetings by the database, atomically.
 * (`busy` is left out on purpose: the exclusion constraint is the one judge of overlaps.)
 */
export function assertWorking(
  required: readonly PractitionerCalendar[],
  start: number,
  end: number,
  travelMinutes: number,
) {
  const problems = required
    .map((c) => whyNotFree({ ...c, busy: [] }, { start, end }, travelMinutes))
    .filter((p): p is string => p !== null);
  if (problems.length > 0)
    throw new AppError('slot_taken', `${problems.join('; ')} at that time. Choose another time from the fresh list.`);
}

export function assertNotice(start: number, kind: NewMeeting['kind'], minimumNoticeHours: number) {
  if (isTooSoon(start, kind, minimumNoticeHours, Date.now()))
    throw new AppError('invalid_input', 'That time is too soon now. Choose a later time from the fresh list.');
}

export function practitionersOf(who: Who): NewMeeting['practitioners'] {
  return [
    ...who.required.map((userId) => ({ userId, role: 'required' as const })),
    ...who.optional.map((userId) => ({ userId, role: 'optional' as const })),
  ];
}

export function placeOf(place: Place) {
  return {
    locationKind: place.location,
    locationDetail: place.locationDetail || null,
    videoUrl: place.location === 'video' ? place.videoUrl : null,
  };
}

/** Inside the booking's transaction: invite the chosen people to each new meeting and queue their emails. */
export async function inviteToMeetings(
  tx: Db,
  person: PersonRef,
  choice: InviteeChoice,
  meetings: readonly { id: string; endsAt: Date }[],
) {
  await createInvitationsToMeetings(tx, person.id, meetings, choice);
  await notifyInvitees(
    tx,
    person,
    meetings.map((m) => m.id),
    'invitation',
  );
}
