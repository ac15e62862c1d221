import { recordAudit } from '@/db/queries/audit';
import { coreTeamHistory } from '@/db/queries/core-team';
import { assignToCoreTeam } from '@/lib/people/assign-core-team';
import { insertMeetings } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { currentCoreTeam } from '@/lib/people/core-team';
import { MINUTE_MS } from '@/lib/time/units';
import { todayIn } from '@/lib/time/zoned';
import type { z } from 'zod';
import type { crisisInput } from './booking-input';
import {
  assertNotice,
  assertWorking,
  inviteToMeetings,
  placeOf,
  practitionersOf,
  prepareBooking,
} from './booking-context';
import { crisisCoreTeamRoles } from './rules';
import type { PersonRef } from '@/db/queries/people';

/**
 * The crisis path: a crisis meeting with the two practitioners chosen from the offered times;
 * unless unticked, the two become the person's core team, in the same transaction.
 */
export async function bookCrisisMeeting(
  ctx: VerbContext,
  args: { person: PersonRef; input: z.output<typeof crisisInput> },
): Promise<{ meetingId: string }> {
  const { person, input } = args;
  const start = Date.parse(input.option.start);
  const end = start + input.duration * MINUTE_MS;
  const who = { required: input.option.pair, optional: [] };
  const { settings, travelMinutes, required } = await prepareBooking(ctx.db, person, who, input, { start, end });
  assertNotice(start, 'crisis', settings.minimumNoticeHours);
  assertWorking(required, start, end, travelMinutes);
  const today = todayIn(settings.timeZone);
  const current = currentCoreTeam(await coreTeamHistory(ctx.db, person.id), today);
  return ctx.db.transaction(async (tx) => {
    const [meetingId] = await insertMeetings(
      tx,
      [
        {
          personId: person.id,
          teamId: person.teamId,
          kind: 'crisis',
          startsAt: new Date(start),
          endsAt: new Date(end),
          timeZone: settings.timeZone,
          ...placeOf(input),
          travelMinutes,
          practitioners: practitionersOf(who),
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
    if (input.makeCoreTeam) {
      for (const { userId, role } of crisisCoreTeamRoles(
        current.filter((a) => !a.accessOff),
        required,
      )) {
        await assignToCoreTeam(
          { db: tx, actor: ctx.actor },
          { person, input: { userId, role, startsOn: today, endsOn: null } },
        );
      }
    }
    return { meetingId: meetingId! };
  });
}
