import { recordAudit } from '@/db/queries/audit';
import { insertMeetings } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { MINUTE_MS } from '@/lib/time/units';
import type { BookingInput } from './booking-input';
import {
  assertNotice,
  assertWorking,
  inviteToMeetings,
  placeOf,
  practitionersOf,
  prepareBooking,
} from './booking-context';
import { freeToJoin } from './series';
import type { PersonRef } from '@/db/queries/people';

/**
 * Books one network meeting at a chosen time: checks the notice, working hours and absences of
 * those who must come; adds those welcome to join only where they are free; in one transaction
 * saves it (the exclusion constraint settles races), audits it, invites the chosen people and
 * queues their emails. Returns the meeting and who of those welcome to join was added.
 */
export async function bookMeeting(
  ctx: VerbContext,
  args: { person: PersonRef; input: BookingInput },
): Promise<{ meetingId: string; joined: string[] }> {
  const { person, input } = args;
  const start = Date.parse(input.start);
  const end = start + input.duration * MINUTE_MS;
  const { settings, travelMinutes, required, optional } = await prepareBooking(ctx.db, person, input, input, {
    start,
    end,
  });
  assertNotice(start, input.kind, settings.minimumNoticeHours);
  assertWorking(required, start, end, travelMinutes);
  const joined = freeToJoin(optional, { start, end }, travelMinutes);
  return ctx.db.transaction(async (tx) => {
    const [meetingId] = await insertMeetings(
      tx,
      [
        {
          personId: person.id,
          teamId: person.teamId,
          kind: input.kind,
          startsAt: new Date(start),
          endsAt: new Date(end),
          timeZone: settings.timeZone,
          ...placeOf(input),
          travelMinutes,
          practitioners: practitionersOf({ required: input.required, optional: joined }),
        },
      ],
      ctx.actor.actorId,
    );
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'create',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { meetingIds: [meetingId], seriesId: null },
    });
    await inviteToMeetings(tx, person, input.invite, [{ id: meetingId!, endsAt: new Date(end) }]);
    return { meetingId: meetingId!, joined };
  });
}
