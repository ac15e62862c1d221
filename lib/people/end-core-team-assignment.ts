import { recordAudit } from '@/db/queries/audit';
import { coreTeamAssignment, setAssignmentEnd } from '@/db/queries/core-team';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { PersonRef } from '@/db/queries/people';

/** Gives a practitioner's time on the person's core team its last day (never before its first). */
export async function endCoreTeamAssignment(
  ctx: VerbContext,
  args: { person: PersonRef; assignmentId: string; endsOn: string },
): Promise<void> {
  const { person, assignmentId, endsOn } = args;
  await ctx.db.transaction(async (tx) => {
    const current = await coreTeamAssignment(tx, person.id, assignmentId);
    if (!current) throw new AppError('not_found');
    if (endsOn < current.startsOn) {
      throw new AppError('invalid_input', 'The last day cannot be before they joined.', {
        fieldErrors: { endsOn: ['The last day cannot be before they joined'] },
      });
    }
    await setAssignmentEnd(tx, person.id, assignmentId, endsOn);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'end-assignment',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { assignmentId, endsOn },
    });
  });
}
