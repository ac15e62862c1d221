import { recordAudit } from '@/db/queries/audit';
import { insertRecordVersion } from '@/db/queries/records';
import type { VerbContext } from '@/lib/actions/context';
import { allowed, recordContext } from './record-context';
import { latestOf, mayMarkEnteredInError } from './rules';
import type { PersonRef } from '@/db/queries/people';

/**
 * A record written by mistake (the wrong meeting, the wrong person) is never deleted: a last
 * version marks it entered in error with the reason; readers no longer see it.
 */
export async function markEnteredInError(
  ctx: VerbContext,
  input: { person: PersonRef; meetingId: string; reason: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { meeting, versions, who } = await recordContext(tx, input.person, input.meetingId, ctx.actor.actorId);
    allowed(mayMarkEnteredInError(who, versions));
    const latest = latestOf(versions)!;
    await insertRecordVersion(tx, {
      meetingId: meeting.id,
      version: latest.version + 1,
      content: latest.content,
      readBackWithPerson: latest.readBackWithPerson,
      authorId: ctx.actor.actorId,
      enteredInErrorReason: input.reason,
    });
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: input.person.teamId,
      action: 'entered-in-error',
      entity: 'meeting_record',
      entityId: meeting.id,
      origin: ctx.actor.origin,
      detail: { reason: input.reason },
    });
  });
}
