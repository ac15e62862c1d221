import { recordAudit } from '@/db/queries/audit';
import { findTeam, teamNameTaken, updateTeam } from '@/db/queries/teams';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { TeamInput } from './team-input';
import { teamNameTakenError } from './team-name';

/** Saves a team's settings; the audit names each change, from and to. */
export async function updateTeamSettings(ctx: VerbContext, { teamId, ...input }: TeamInput & { teamId: string }) {
  await ctx.db.transaction(async (tx) => {
    const before = await findTeam(tx, teamId);
    if (!before) throw new AppError('not_found');
    if (await teamNameTaken(tx, input.name, teamId)) throw teamNameTakenError(input.name);
    await updateTeam(tx, teamId, input);
    const changes = Object.fromEntries(
      (Object.keys(input) as (keyof typeof input)[])
        .filter((k) => before[k] !== input[k])
        .map((k) => [k, { from: before[k], to: input[k] }]),
    );
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId,
      action: 'update',
      entity: 'team',
      entityId: teamId,
      origin: ctx.actor.origin,
      detail: changes,
    });
  });
}
