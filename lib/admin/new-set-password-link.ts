import { recordAudit } from '@/db/queries/audit';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import { practitionerOrNotFound } from './practitioner-checks';
import { insertSetPasswordLink } from './set-password-link';

/** A new set-password link for a practitioner whose access is on; any earlier link stops working. */
export async function newSetPasswordLink(
  ctx: VerbContext,
  input: { userId: string },
): Promise<{ name: string; token: string }> {
  return ctx.db.transaction(async (tx) => {
    const practitioner = await practitionerOrNotFound(tx, input.userId);
    if (practitioner.disabledAt)
      throw new AppError(
        'conflict',
        `${practitioner.name}’s access is turned off. Turn it back on before sending a new link.`,
      );
    const { token } = await insertSetPasswordLink(tx, input.userId, ctx.actor.actorId, new Date());
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: input.userId,
      origin: ctx.actor.origin,
      detail: { change: 'new set-password link' },
    });
    return { name: practitioner.name, token };
  });
}
