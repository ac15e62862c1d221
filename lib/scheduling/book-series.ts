import { randomUUID } from 'node:crypto';
import { recordAudit } from '@/db/queries/audit';
import { insertMeetings } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { dayHeading, timeOfDay } from '@/lib/time/format';
import { MINUTE_MS } from '@/lib/time/units';
import type { z } from 'zod';
import type { seriesInput } from './booking-input';
import { assertNotice, inviteToMeetings, placeOf, practitionersOf, prepareBooking } from './booking-context';
import { checkOccurrences, freeToJoin } from './series';
import type { PersonRef } from '@/db/queries/people';

/**
 * Books every occurrence of a series as checked and confirmed, in one transaction: if any one
 * is taken in the meantime, nothing is saved and the message says which. Those welcome to join
 * are added to the occurrences where they are free. Returns the starts booked and, per
 * occurrence, who of those welcome to join was added.
 */
export async function bookSeries(
  ctx: VerbContext,
  args: { person: PersonRef; input: z.output<typeof seriesInput> },
): Promise<{ meetingIds: string[]; joined: string[][] }> {
  const { person, input } = args;
  const starts = input.starts.filter((s) => s !== 'skip').map((s) => Date.parse(s));
  const duration = input.duration * MINUTE_MS;
  const { settings, travelMinutes, required, optional } = await prepareBooking(ctx.db, person, input, input, {
    start: Math.min(...starts),
    end: Math.max(...starts) + duration,
  });
  for (const start of starts) assertNotice(start, input.kind, settings.minimumNoticeHours);
  const clashes = checkOccurrences({
    starts,
    durationMinutes: input.duration,
    travelMinutes,
    required,
    optional,
    zone: settings.timeZone,
    earliestStart: 0,
  }).filter((c) => c.problems.length > 0);
  if (clashes.length > 0) {
    const now = new Date();
    throw new AppError(
      'slot_taken',
      `Some times are no longer free: ${clashes.map((c) => `${dayHeading(new Date(c.start), now, settings.timeZone)} ${timeOfDay(new Date(c.start), settings.timeZone)} (${c.problems.join('; ')})`).join(', ')}. Reload the check to see alternatives.`,
    );
  }
  const seriesId = randomUUID();
  const joined = starts.map((start) => freeToJoin(optional, { start, end: start + duration }, travelMinutes));
  return ctx.db.transaction(async (tx) => {
    const meetingIds = await insertMeetings(
      tx,
      starts.map((start, i) => ({
        personId: person.id,
        teamId: person.teamId,
        kind: input.kind,
        startsAt: new Date(start),
        endsAt: new Date(start + duration),
        timeZone: settings.timeZone,
        ...placeOf(input),
        travelMinutes,
        practitioners: practitionersOf({ required: input.required, optional: joined[i]! }),
        seriesId,
      })),
      ctx.actor.actorId,
    );
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'create',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { meetingIds, seriesId },
    });
    await inviteToMeetings(
      tx,
      person,
      input.invite,
      meetingIds.map((id, i) => ({ id, endsAt: new Date(starts[i]! + duration) })),
    );
    return { meetingIds, joined };
  });
}
