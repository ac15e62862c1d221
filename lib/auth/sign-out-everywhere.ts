import { recordAudit } from '@/db/queries/audit';
import { raiseSessionVersion } from '@/db/queries/users';
import type { VerbContext } from '@/lib/actions/context';

/**
 * Ends every session of the acting user, this one too, on every device (a phone left on a
 * bus, a shared computer not signed out): each cookie carries the old session version.
 */
export async function signOutEverywhere(ctx: VerbContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await raiseSessionVersion(tx, ctx.actor.actorId);
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: ctx.actor.actorId,
      origin: ctx.actor.origin,
      detail: { sessions: 'ended everywhere' },
    });
  });
}
