import { recordAudit } from '@/db/queries/audit';
import { assignablePractitioner, insertCoreTeamAssignment, overlapsAssignment } from '@/db/queries/core-team';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { AssignmentInput } from './core-team-input';
import type { PersonRef } from '@/db/queries/people';

/**
 * Puts a practitioner of the person's team (whose access is on) on their core team, in a role,
 * from a day and perhaps until one; never twice for the same days, so the history stays true.
 */
export async function assignToCoreTeam(
  ctx: VerbContext,
  args: { person: PersonRef; input: AssignmentInput },
): Promise<void> {
  const { person, input } = args;
  await ctx.db.transaction(async (tx) => {
    const member = await assignablePractitioner(tx, person.teamId, input.userId);
    if (!member)
      throw new AppError('invalid_input', 'Choose a practitioner from this team.', {
        fieldErrors: { userId: ['Choose a practitioner from the team'] },
      });
    if (await overlapsAssignment(tx, person.id, input))
      throw new AppError('invalid_input', `${member.name} is already on the core team for some of those dates.`, {
        fieldErrors: { userId: [`${member.name} is already on the core team for some of those dates`] },
      });
    const assignmentId = await insertCoreTeamAssignment(tx, person.id, input);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: person.teamId,
      action: 'assign',
      entity: 'person',
      entityId: person.id,
      origin: ctx.actor.origin,
      detail: { assignmentId, userId: input.userId, role: input.role },
    });
  });
}
