'use server';

import { randomUUID } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { PersonRecord } from '@/db/queries/people';
import { assignToCoreTeam, coreTeamHistory } from '@/db/queries/core-team';
import { bookMeetings, cancelMeetings, findMeeting, loadCalendars, rescheduleMeetings, restOfSeries, teamSchedulingSettings, type NewMeeting } from '@/db/queries/scheduling';
import { extendInvitations, revokeInvitation } from '@/db/queries/invitations';
import { createInvitations, type InviteeChoice } from '@/lib/invitations/create-invitations';
import { recordAudit } from '@/db/queries/audit';
import { withdrawUnsentEmails } from '@/db/queries/invitation-revocations';
import { validatedAction } from '@/lib/actions/validated-action';
import { notifyInvitees } from '@/lib/invitations/notify';
import { deliverSoon } from '@/lib/mail/worker';
import { AppError } from '@/lib/errors/app-error';
import { actorOf, personForAction } from '@/lib/people/access';
import { currentCoreTeam } from '@/lib/people/core-team';
import { bookingInput, crisisInput, rescheduleInput, seriesInput, travelMinutesFor } from '@/lib/scheduling/booking-input';
import type { PractitionerCalendar } from '@/lib/scheduling/free-slots';
import { checkOccurrences, freeToJoin, leftOut, shiftedStarts, whyNotFree } from '@/lib/scheduling/series';
import { dayHeading, timeOfDay } from '@/lib/time/format';
import { todayIn } from '@/lib/time/zoned';
import { MINUTE_MS } from '@/lib/time/units';


type Who = { required: string[]; optional: string[] };
type Place = { location: NewMeeting['locationKind']; locationDetail: string; videoUrl: string };

/** The team's settings, and the calendars of everyone chosen (only the team's own practitioners). */
async function prepare(db: Db, person: PersonRecord, who: Who, place: Place, span: { start: number; end: number }, ignoreMeetingIds: string[] = []) {
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
  if (calendars.length !== userIds.length) throw new AppError('invalid_input', 'Choose practitioners from the team.', { fieldErrors: { required: ['Choose practitioners from the team'] } });
  return { settings, travelMinutes, calendars, required: calendars.filter((c) => who.required.includes(c.id)), optional: calendars.filter((c) => who.optional.includes(c.id)) };
}

/**
 * Working hours and absences are checked here; other meetings by the database, atomically.
 * (`busy` is left out on purpose: the exclusion constraint is the one judge of overlaps.)
 */
function assertWorking(required: PractitionerCalendar[], start: number, end: number, travelMinutes: number) {
  const problems = required.map((c) => whyNotFree({ ...c, busy: [] }, { start, end }, travelMinutes)).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new AppError('slot_taken', `${problems.join('; ')} at that time. Choose another time from the fresh list.`);
}

function assertNotice(start: number, kind: NewMeeting['kind'], minimumNoticeHours: number) {
  const notice = kind === 'crisis' ? 0 : minimumNoticeHours * 3_600_000;
  if (start < Date.now() + notice - MINUTE_MS) throw new AppError('invalid_input', 'That time is too soon now. Choose a later time from the fresh list.');
}

/** The address after a booking or a move, naming anyone welcome to join who was not free. */
function confirmation(path: string, query: string, optionalIds: readonly string[], joined: readonly (readonly string[])[]): string {
  const without = leftOut(optionalIds, joined);
  return `${path}?${query}${without.length > 0 ? `&without=${without.join(',')}` : ''}`;
}

function practitionersOf(who: Who): NewMeeting['practitioners'] {
  return [...who.required.map((userId) => ({ userId, role: 'required' as const })), ...who.optional.map((userId) => ({ userId, role: 'optional' as const }))];
}

function placeOf(place: Place) {
  return { locationKind: place.location, locationDetail: place.locationDetail || null, videoUrl: place.location === 'video' ? place.videoUrl : null };
}

/** Inside the booking's transaction: invite the chosen people to each new meeting and queue their emails. */
function inviteTo(person: PersonRecord, choice: InviteeChoice, endsAt: (index: number) => Date) {
  return async (tx: Db, ids: string[]) => {
    for (const [index, id] of ids.entries()) {
      await createInvitations(tx, { id, personId: person.id, endsAt: endsAt(index) }, choice);
      await notifyInvitees(tx, person, id, 'invitation');
    }
  };
}

function refreshPerson(personId: string) {
  deliverSoon();
  revalidatePath(`/people/${personId}`, 'layout');
  revalidatePath('/today');
  revalidatePath('/calendar');
}

export const bookMeetingAction = validatedAction(bookingInput, async function bookMeetingAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const start = Date.parse(input.start);
  const end = start + input.duration * MINUTE_MS;
  let joining: string[] = [];
  try {
    const { settings, travelMinutes, required, optional } = await prepare(db, person, input, input, { start, end });
    assertNotice(start, input.kind, settings.minimumNoticeHours);
    assertWorking(required, start, end, travelMinutes);
    joining = freeToJoin(optional, { start, end }, travelMinutes);
    await bookMeetings(
      db,
      [{ personId: person.id, teamId: person.teamId, kind: input.kind, startsAt: new Date(start), endsAt: new Date(end), timeZone: settings.timeZone, ...placeOf(input), travelMinutes, practitioners: practitionersOf({ required: input.required, optional: joining }) }],
      await actorOf(user),
      inviteTo(person, input.invite, () => new Date(end)),
    );
  } finally {
    // Win or lose, the slots shown next are fresh.
    revalidatePath(`/people/${person.id}/meetings/new`);
  }
  refreshPerson(person.id);
  return { redirectTo: confirmation(`/people/${person.id}`, 'booked=1', input.optional, [joining]) };
});

/**
 * Books every occurrence of a series as checked and confirmed, in one transaction: if any one
 * is taken in the meantime, nothing is saved and the check is shown again, fresh.
 */
export const bookSeriesAction = validatedAction(seriesInput, async function bookSeriesAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const starts = input.starts.filter((s) => s !== 'skip').map((s) => Date.parse(s));
  const duration = input.duration * MINUTE_MS;
  const { settings, travelMinutes, required, optional } = await prepare(db, person, input, input, { start: Math.min(...starts), end: Math.max(...starts) + duration });
  for (const start of starts) assertNotice(start, input.kind, settings.minimumNoticeHours);
  const checks = checkOccurrences({ starts, durationMinutes: input.duration, travelMinutes, required, optional, zone: settings.timeZone, earliestStart: 0 });
  const clashes = checks.filter((c) => c.problems.length > 0);
  if (clashes.length > 0) {
    const now = new Date();
    throw new AppError('slot_taken', `Some times are no longer free: ${clashes.map((c) => `${dayHeading(new Date(c.start), now, settings.timeZone)} ${timeOfDay(new Date(c.start), settings.timeZone)} (${c.problems.join('; ')})`).join(', ')}. Reload the check to see alternatives.`);
  }
  const seriesId = randomUUID();
  const joining = starts.map((start) => freeToJoin(optional, { start, end: start + duration }, travelMinutes));
  await bookMeetings(
    db,
    starts.map((start, i) => ({
      personId: person.id,
      teamId: person.teamId,
      kind: input.kind,
      startsAt: new Date(start),
      endsAt: new Date(start + duration),
      timeZone: settings.timeZone,
      ...placeOf(input),
      travelMinutes,
      practitioners: practitionersOf({ required: input.required, optional: joining[i]! }),
      seriesId,
    })),
    await actorOf(user),
    inviteTo(person, input.invite, (i) => new Date(starts[i]! + duration)),
  );
  refreshPerson(person.id);
  return { redirectTo: confirmation(`/people/${person.id}`, `booked=${starts.length}`, input.optional, joining) };
});

/**
 * Moves a meeting, or it and the rest of its series by the same change of day and time. Every
 * moved occurrence is checked first; if any clashes, nothing changes and the message says which.
 */
export const rescheduleMeetingAction = validatedAction(rescheduleInput, async function rescheduleMeetingAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const meeting = await findMeeting(db, person.id, input.meetingId);
  if (!meeting || meeting.teamId !== person.teamId) throw new AppError('not_found');
  if (meeting.status !== 'scheduled') throw new AppError('conflict', 'This meeting is no longer booked: it may have been cancelled or held already. Reload to see it now.');
  const start = Date.parse(input.start);
  const duration = input.duration * MINUTE_MS;
  const moving = input.scope === 'rest' && meeting.seriesId ? await restOfSeries(db, person, meeting.seriesId, meeting.startsAt) : [{ id: meeting.id, startsAt: meeting.startsAt }];
  const settings = await teamSchedulingSettings(db, person.teamId);
  if (!settings) throw new AppError('not_found');
  const starts = shiftedStarts(
    moving.map((m) => m.startsAt.getTime()),
    meeting.startsAt.getTime(),
    start,
    settings.timeZone,
  );
  let joining: string[][] = [];
  try {
    const { travelMinutes, required, optional } = await prepare(db, person, input, input, { start: Math.min(...starts), end: Math.max(...starts) + duration }, moving.map((m) => m.id));
    assertNotice(start, meeting.kind, settings.minimumNoticeHours);
    if (moving.length === 1) assertWorking(required, start, start + duration, travelMinutes);
    else {
      const clashes = checkOccurrences({ starts, durationMinutes: input.duration, travelMinutes, required, zone: settings.timeZone, earliestStart: Date.now() }).filter((c) => c.problems.length > 0);
      if (clashes.length > 0) {
        const now = new Date();
        throw new AppError('slot_taken', `The rest of the series cannot all move: ${clashes.map((c) => `${dayHeading(new Date(c.start), now, settings.timeZone)} (${c.problems.join('; ')})`).join(', ')}. Nothing was changed. Move only this meeting, or choose another time.`);
      }
    }
    joining = starts.map((s) => freeToJoin(optional, { start: s, end: s + duration }, travelMinutes));
    const saved = await rescheduleMeetings(
      db,
      person,
      moving.map((m, i) => ({
        meetingId: m.id,
        kind: input.kind,
        startsAt: new Date(starts[i]!),
        endsAt: new Date(starts[i]! + duration),
        ...placeOf(input),
        travelMinutes,
        practitioners: practitionersOf({ required: input.required, optional: joining[i]! }),
      })),
      await actorOf(user),
      async (tx) => {
        // Everyone already invited hears of the new time (their links keep working); anyone added is invited.
        for (const [i, m] of moving.entries()) {
          const endsAt = new Date(starts[i]! + duration);
          await extendInvitations(tx, m.id, endsAt);
          const added = new Set((await createInvitations(tx, { id: m.id, personId: person.id, endsAt }, input.invite)).map((r) => r.id));
          await notifyInvitees(tx, person, m.id, 'changed', (id) => !added.has(id));
          if (added.size > 0) await notifyInvitees(tx, person, m.id, 'invitation', (id) => added.has(id));
        }
      },
    );
    if (!saved) throw new AppError('conflict', 'This meeting changed while you were choosing: it is no longer booked. Reload to see it now.');
  } finally {
    revalidatePath(`/people/${person.id}/meetings/new`);
  }
  refreshPerson(person.id);
  return { redirectTo: confirmation(`/people/${person.id}/meetings/${meeting.id}`, `moved=${moving.length}`, input.optional, joining) };
});

/**
 * The crisis path: a crisis meeting with the two practitioners chosen from the offered times;
 * unless unticked, the two become the person's core team in the same transaction.
 */
export const bookCrisisAction = validatedAction(crisisInput, async function bookCrisisAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const start = Date.parse(input.option.start);
  const end = start + input.duration * MINUTE_MS;
  const who = { required: input.option.pair, optional: [] };
  try {
    const { settings, travelMinutes, required } = await prepare(db, person, who, input, { start, end });
    assertNotice(start, 'crisis', settings.minimumNoticeHours);
    assertWorking(required, start, end, travelMinutes);
    const actor = await actorOf(user);
    const today = todayIn(settings.timeZone);
    const current = currentCoreTeam(await coreTeamHistory(db, person.id), today);
    await bookMeetings(
      db,
      [{ personId: person.id, teamId: person.teamId, kind: 'crisis', startsAt: new Date(start), endsAt: new Date(end), timeZone: settings.timeZone, ...placeOf(input), travelMinutes, practitioners: practitionersOf(who) }],
      actor,
      async (tx, ids) => {
        await inviteTo(person, input.invite, () => new Date(end))(tx, ids);
        if (!input.makeCoreTeam) return;
        let hasLead = current.some((a) => a.role === 'lead');
        for (const p of required) {
          if (current.some((a) => a.userId === p.id)) continue;
          const role = p.isPeer ? 'peer' : hasLead ? 'co_worker' : 'lead';
          hasLead ||= role === 'lead';
          await assignToCoreTeam(tx, person, { userId: p.id, role, startsOn: today, endsOn: null }, actor);
        }
      },
    );
  } finally {
    revalidatePath(`/people/${person.id}/meetings/crisis`);
  }
  refreshPerson(person.id);
  return { redirectTo: `/people/${person.id}?booked=1` };
});

const cancelInput = z.object({
  personId: z.string(),
  meetingId: z.guid(),
  reason: z.string().trim().min(1, 'Say why, so the team and the network understand').max(300, 'Keep the reason under 300 characters'),
  scope: z.enum(['one', 'rest']).catch('one'),
});

export const cancelMeetingAction = validatedAction(cancelInput, async function cancelMeetingAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const meeting = await findMeeting(db, person.id, input.meetingId);
  if (!meeting || meeting.teamId !== person.teamId) throw new AppError('not_found');
  const ids = input.scope === 'rest' && meeting.seriesId ? (await restOfSeries(db, person, meeting.seriesId, meeting.startsAt)).map((m) => m.id) : [meeting.id];
  const notify = async (tx: Db, cancelled: string[]) => {
    for (const id of cancelled) await notifyInvitees(tx, person, id, 'cancelled');
  };
  if ((await cancelMeetings(db, person, ids, input.reason, await actorOf(user), notify)) === 0) {
    throw new AppError('conflict', 'This meeting is no longer booked: it may have been cancelled or held already. Reload to see it now.');
  }
  refreshPerson(person.id);
  return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}` };
});

const revokeInput = z.object({ personId: z.string(), meetingId: z.guid(), invitationId: z.guid() });

/** Ends one invitee's personal link at once; the page it opened then says only that the link does not work. */
export const revokeLinkAction = validatedAction(revokeInput, async function revokeLinkAction(input, { user, db }) {
  const person = await personForAction(db, user, input.personId, 'book');
  const meeting = await findMeeting(db, person.id, input.meetingId);
  if (!meeting || meeting.teamId !== person.teamId) throw new AppError('not_found');
  const actor = await actorOf(user);
  const withdrawn = await db.transaction(async (tx) => {
    if (!(await revokeInvitation(tx, meeting.id, input.invitationId))) throw new AppError('conflict', 'That link is already turned off.');
    await recordAudit(tx, { actorId: actor.actorId, teamId: person.teamId, action: 'update', entity: 'person', entityId: person.id, origin: actor.origin, detail: { meetingId: meeting.id, revokedInvitation: input.invitationId } });
    // An email with the link that has not gone yet is taken back too.
    return withdrawUnsentEmails(tx, [input.invitationId]);
  });
  revalidatePath(`/people/${person.id}/meetings/${meeting.id}`);
  const emails = withdrawn === 1 ? ', and the email with it that was still waiting to go is withdrawn' : withdrawn > 1 ? ', and the emails with it that were still waiting to go are withdrawn' : '';
  return { message: `The link is turned off${emails}.` };
});
