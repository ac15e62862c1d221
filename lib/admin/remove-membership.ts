import { recordAudit } from '@/db/queries/audit';
import { deleteMembership, findMembership } from '@/db/queries/practitioners';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { practitionerOrNotFound } from './practitioner-checks';

/** Takes a practitioner off a team. Returns what happened, in words. */
export async function removeMembership(ctx: VerbContext, input: { userId: string; teamId: string }): Promise<string> {
  const { userId, teamId } = input;
  return ctx.db.transaction(async (tx) => {
    const practitioner = await practitionerOrNotFound(tx, userId);
    const membership = await findMembership(tx, userId, teamId);
    if (!membership || !(await deleteMembership(tx, userId, teamId))) throw new AppError('not_found');
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId,
      action: 'end-assignment',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: { change: 'team membership', team: membership.teamName },
    });
    return `${practitioner.name} is no longer on ${membership.teamName}.`;
  });
}
