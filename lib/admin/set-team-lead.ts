import { recordAudit } from '@/db/queries/audit';
import { findMembership, upsertMembership } from '@/db/queries/practitioners';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { practitionerOrNotFound } from './practitioner-checks';

/** Makes a member of a team one of its leads, or no longer. Returns what happened, in words. */
export async function setTeamLead(
  ctx: VerbContext,
  input: { userId: string; teamId: string; lead: boolean },
): Promise<string> {
  const { userId, teamId, lead } = input;
  return ctx.db.transaction(async (tx) => {
    const practitioner = await practitionerOrNotFound(tx, userId);
    const membership = await findMembership(tx, userId, teamId);
    if (!membership) throw new AppError('not_found');
    await upsertMembership(tx, userId, teamId, lead);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId,
      action: 'update',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: { change: 'team lead', team: membership.teamName, lead },
    });
    return lead
      ? `${practitioner.name} now leads ${membership.teamName}.`
      : `${practitioner.name} no longer leads ${membership.teamName}.`;
  });
}
