import { recordAudit } from '@/db/queries/audit';
import { findMembership, upsertMembership } from '@/db/queries/practitioners';
import { findTeam } from '@/db/queries/teams';
import type { VerbContext } from '@/lib/actions/context';
import { fieldError, practitionerOrNotFound } from './practitioner-checks';

/**
 * Puts a practitioner on a team, as a lead or not (on it already: sets whether they lead it).
 * Returns what happened, in words.
 */
export async function addMembership(
  ctx: VerbContext,
  input: { userId: string; teamId: string; lead: boolean },
): Promise<string> {
  const { userId, teamId, lead } = input;
  return ctx.db.transaction(async (tx) => {
    await practitionerOrNotFound(tx, userId);
    const team = await findTeam(tx, teamId);
    if (!team) throw fieldError('teamId', 'Choose a team from the list.');
    const existing = await findMembership(tx, userId, teamId);
    await upsertMembership(tx, userId, teamId, lead);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId,
      action: existing ? 'update' : 'assign',
      entity: 'user',
      entityId: userId,
      origin: ctx.actor.origin,
      detail: { change: 'team membership', team: team.name, lead },
    });
    return existing
      ? `Already on ${team.name}: lead ${lead ? 'set' : 'unset'}.`
      : `Added to ${team.name}${lead ? ' as a lead' : ''}.`;
  });
}
