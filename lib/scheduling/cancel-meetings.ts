import { recordAudit } from '@/db/queries/audit';
import { cancelMeetingRows } from '@/db/queries/scheduling';
import type { VerbContext } from '@/lib/actions/context';
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
