import { recordAudit } from '@/db/queries/audit';
import { insertTeam, teamNameTaken } from '@/db/queries/teams';
import type { VerbContext } from '@/lib/actions/context';
import type { TeamInput } from './team-input';
import { teamNameTakenError } from './team-name';

/** A new team, under a name no other team has. Returns it. */
export async function createTeam(ctx: VerbContext, input: TeamInput) {
  return ctx.db.transaction(async (tx) => {
    if (await teamNameTaken(tx, input.name)) throw teamNameTakenError(input.name);
    const created = await insertTeam(tx, input);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: created.id,
      action: 'create',
      entity: 'team',
      entityId: created.id,
      origin: ctx.actor.origin,
      detail: { ...input },
    });
    return created;
  });
}
