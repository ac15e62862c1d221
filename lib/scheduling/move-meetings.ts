import { recordAudit } from '@/db/queries/audit';
import { extendInvitations } from '@/db/queries/invitations';
import { findMeeting, restOfSeries, teamSchedulingSettings, updateMeetingTimes } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { createInvitationsToMeetings } from '@/lib/invitations/create-invitations';
import { notifyInvitees } from '@/lib/invitations/notify';
import { dayHeading } from '@/lib/time/format';
import { MINUTE_MS } from '@/lib/time/units';
import type { z } from 'zod';
import type { rescheduleInput } from './booking-input';
import { assertNotice, assertWorking, placeOf, practitionersOf, prepareBooking } from './booking-context';
import { checkOccurrences, freeToJoin, shiftedStarts } from './series';
import type { PersonRef } from '@/db/queries/people';

const noLongerBooked =
  'This meeting is no longer booked: it may have been cancelled or held already. Reload to see it now.';

/**
 * Moves a meeting, or it and the rest of its series by the same change of day and time. Every
 * moved occurrence is checked first, against the other meetings only; if any clashes, nothing
 * changes and the message says which. In one transaction: the new times, everyone already
 * invited told (their links keep working until the new end), anyone added invited, audited.
 */
export async function moveMeetings(
  ctx: VerbContext,
  args: { person: PersonRef; input: z.output<typeof rescheduleInput> },
): Promise<{ meetingId: string; moved: number; joined: string[][] }> {
  const { person, input } = args;
  const meeting = await findMeeting(ctx.db, person.id, input.meetingId);
  if (!meeting || meeting.teamId !== person.teamId) throw new AppError('not_found');
  if (meeting.status !== 'scheduled') throw new AppError('conflict', noLongerBooked);
  const start = Date.parse(input.start);
  const duration = input.duration * MINUTE_MS;
  const moving =
    input.scope === 'rest' && meeting.seriesId
      ? await restOfSeries(ctx.db, person, meeting.seriesId, meeting.startsAt)
      : [{ id: meeting.id, startsAt: meeting.startsAt }];
  const settings = await teamSchedulingSettings(ctx.db, person.teamId);
  if (!settings) throw new AppError('not_found');
  const starts = shiftedStarts(
    moving.map((m) => m.startsAt.getTime()),
    meeting.startsAt.getTime(),
    start,
    settings.timeZone,
  );
  const { travelMinutes, required, optional } = await prepareBooking(
    ctx.db,
    person,
    input,
    input,
    { start: Math.min(...starts), end: Math.max(...starts) + duration },
    moving.map((m) => m.id),
  );
  assertNotice(start, input.kind, settings.minimumNoticeHours);
  if (moving.length === 1) assertWorking(required, start, start + duration, travelMinutes);
  else {
    const clashes = checkOccurrences({
      starts,
      durationMinutes: input.duration,
      travelMinutes,
      required,
      zone: settings.timeZone,
      earliestStart: Date.now(),
    }).filter((c) => c.problems.length > 0);
    if (clashes.length > 0) {
      const now = new Date();
      throw new AppError(
        'slot_taken',
        `The rest of the series cannot all move: ${clashes.map((c) => `${dayHeading(new Date(c.start), now, settings.timeZone)} (${c.problems.join('; ')})`).join(', ')}. Nothing was changed. Move only this meeting, or choose another time.`,
      );
    }
  }
  const joined = starts.map((s) => freeToJoin(optional, { start: s, end: s + duration }, travelMinutes));
  await ctx.db.transaction(async (tx) => {
    const saved = await updateMeetingTimes(
      tx,
      person,
      moving.map((m, i) => ({
        meetingId: m.id,
        kind: input.kind,
        startsAt: new Date(starts[i]!),
        endsAt: new Date(starts[i]! + duration),
        ...placeOf(input),
        travelMinutes,
        practitioners: practitionersOf({ required: input.required, optional: joined[i]! }),
      })),
    );
    if (!saved)
      throw new AppError(
        'conflict',
        'This meeting changed while you were choosing: it is no longer booked. Reload to see it now.',
      );
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { rescheduled: moving.map((m) => m.id) },
    });
    const moved = moving.map((m, i) => ({ id: m.id, endsAt: new Date(starts[i]! + duration) }));
    await extendInvitations(tx, moved);
    const added = new Set((await createInvitationsToMeetings(tx, person.id, moved, input.invite)).map((r) => r.id));
    const ids = moved.map((m) => m.id);
    await notifyInvitees(tx, person, ids, 'changed', (id) => !added.has(id));
    if (added.size > 0) await notifyInvitees(tx, person, ids, 'invitation', (id) => added.has(id));
  });
  return { meetingId: meeting.id, moved: moving.length, joined };
}
