import { recordAudit } from '@/db/queries/audit';
import { cancelMeetingRows, findMeeting, restOfSeries } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { notifyInvitees } from '@/lib/invitations/notify';
import type { PersonRef } from '@/db/queries/people';

/**
 * Cancels booked meetings of a person with the reason: in one transaction (or the calling
 * verb's), the meetings, the team's time freed by the database, the audit row, and a notice to
 * everyone invited. Returns the ids cancelled (none when all were already cancelled or held).
 */
export async function cancelMeetings(
  ctx: VerbContext,
  args: { person: PersonRef; meetingIds: readonly string[]; reason: string },
): Promise<string[]> {
  const { person } = args;
  if (args.meetingIds.length === 0) return [];
  return ctx.db.transaction(async (tx) => {
    const cancelled = await cancelMeetingRows(tx, person, args.meetingIds, args.reason);
    if (cancelled.length === 0) return cancelled;
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'update',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { cancelled },
    });
    await notifyInvitees(tx, person, cancelled, 'cancelled');
    return cancelled;
  });
}

/**
 * Cancels one meeting of a person, or it and the rest of its series, as the meeting page asks:
 * a meeting of another person or team is not found, and one already cancelled or held is a
 * conflict the practitioner is told about.
 */
export async function cancelMeeting(
  ctx: VerbContext,
  args: { person: PersonRef; meetingId: string; scope: 'one' | 'rest'; reason: string },
): Promise<string[]> {
  const { person } = args;
  const meeting = await findMeeting(ctx.db, person.id, args.meetingId);
  if (!meeting || meeting.teamId !== person.teamId) throw new AppError('not_found');
  const ids =
    args.scope === 'rest' && meeting.seriesId
      ? (await restOfSeries(ctx.db, person, meeting.seriesId, meeting.startsAt)).map((m) => m.id)
      : [meeting.id];
  const cancelled = await cancelMeetings(ctx, { person, meetingIds: ids, reason: args.reason });
  if (cancelled.length === 0)
    throw new AppError(
      'conflict',
      'This meeting is no longer booked: it may have been cancelled or held already. Reload to see it now.',
    );
  return cancelled;
}
