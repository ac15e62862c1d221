'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { bookMeeting, cancelMeeting, loadCalendars, teamSchedulingSettings } from '@/db/queries/scheduling';
import { validatedAction } from '@/lib/actions/validated-action';
import { AppError } from '@/lib/errors/app-error';
import { actorOf, personForAction } from '@/lib/people/access';
import { bookingInput } from '@/lib/scheduling/booking-input';
import { freeTime } from '@/lib/scheduling/free-slots';

export const bookMeetingAction = validatedAction(bookingInput, async (input, { user, db }) => {
  const person = await personForAction(db, user, input.personId, 'book');
  const settings = await teamSchedulingSettings(db, person.teamId);
  if (!settings) throw new AppError('not_found');
  const startsAt = new Date(input.start);
  const endsAt = new Date(startsAt.getTime() + input.duration * 60_000);
  const travelMinutes = input.location === 'home' || input.location === 'community' ? settings.travelBufferMinutes : 0;
  const userIds = [...input.required, ...input.optional];
  const calendars = await loadCalendars(db, { teamId: person.teamId, userIds, window: { start: startsAt.getTime(), end: endsAt.getTime() }, coreUserIds: [] });
  if (calendars.length !== userIds.length) throw new AppError('invalid_input', 'Choose practitioners from the team.', { fieldErrors: { required: ['Choose practitioners from the team'] } });
  const notice = input.kind === 'crisis' ? 0 : settings.minimumNoticeHours * 3_600_000;
  if (startsAt.getTime() < Date.now() + notice - 60_000) throw new AppError('invalid_input', 'That time is too soon now. Choose a later time from the fresh list.');
  // Working hours and absences are checked here; other meetings by the database, atomically.
  const requiredCalendars = calendars.filter((c) => input.required.includes(c.id));
  const unavailable = requiredCalendars.filter((c) => !freeTime({ ...c, busy: [] }, { start: startsAt.getTime(), end: endsAt.getTime() }, travelMinutes).some((f) => f.start <= startsAt.getTime() && f.end >= endsAt.getTime()));
  if (unavailable.length > 0) {
    throw new AppError('slot_taken', `${unavailable.map((c) => c.name).join(' and ')} ${unavailable.length === 1 ? 'is' : 'are'} not working or away then. Choose another time from the fresh list.`);
  }
  try {
    await bookMeeting(
      db,
      {
        personId: person.id,
        teamId: person.teamId,
        kind: input.kind,
        startsAt,
        endsAt,
        timeZone: settings.timeZone,
        locationKind: input.location,
        locationDetail: input.locationDetail || null,
        videoUrl: input.location === 'video' ? input.videoUrl : null,
        travelMinutes,
        practitioners: [...input.required.map((userId) => ({ userId, role: 'required' as const })), ...input.optional.map((userId) => ({ userId, role: 'optional' as const }))],
      },
      await actorOf(user),
    );
  } finally {
    // Win or lose, the slots shown next are fresh.
    revalidatePath(`/people/${person.id}/meetings/new`);
  }
  revalidatePath(`/people/${person.id}`);
  revalidatePath('/today');
  return { redirectTo: `/people/${person.id}?booked=1` };
});

const cancelInput = z.object({
  personId: z.string(),
  meetingId: z.guid(),
  reason: z.string().trim().min(1, 'Say why, so the team and the network understand').max(300, 'Keep the reason under 300 characters'),
});

export const cancelMeetingAction = validatedAction(cancelInput, async (input, { user, db }) => {
  const person = await personForAction(db, user, input.personId, 'book');
  if (!(await cancelMeeting(db, person, input.meetingId, input.reason, await actorOf(user)))) {
    throw new AppError('conflict', 'This meeting is no longer booked: it may have been cancelled or held already. Reload to see it now.');
  }
  revalidatePath(`/people/${person.id}`);
  revalidatePath('/today');
  return { redirectTo: `/people/${person.id}/meetings/${input.meetingId}` };
});
