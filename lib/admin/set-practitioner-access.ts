import { recordAudit } from '@/db/queries/audit';
import { setDisabled } from '@/db/queries/practitioners';
import type { VerbContext } from '@/lib/actions/context';
import { revokeCalendarFeed } from '@/lib/calendar/revoke-feed';
import { AppError } from '@/lib/errors/app-error';
import { practitionerOrNotFound } from './practitioner-checks';

/**
 * Turns a practitioner's access off (they can no longer sign in, and every session of theirs
 * ends) or on again. Administrators cannot turn off their own. Returns the practitioner's name.
 */
export async function setPractitionerAccess(
  ctx: VerbContext,
  input: { userId: string; access: 'disable' | 'enable' },
): Promise<string> {
  const { userId, access } = input;
  if (access === 'disable' && userId === ctx.actor.actorId) {
    throw new AppError(
      'conflict',
      'You cannot turn off your own access. Ask another administrator if it needs to end.',
    );
  }
  return ctx.db.transaction(async (tx) => {
    const practitioner = await practitionerOrNotFound(tx, userId);
    const changed = await setDisabled(tx, userId, access === 'disable');
    // Its sessions ended with the version; its calendar address ends too, so turning access
    // on again brings back neither (a new address can be made then).
    if (changed && access === 'disable') await revokeCalendarFeed({ db: tx, actor: ctx.actor }, { userId });
    if (changed) {
      await recordAudit(tx, {
        actorId: ctx.actor.actorId,
        teamId: null,
        action: access === 'disable' ? 'deactivate' : 'reactivate',
        entity: 'user',
        entityId: userId,
        origin: ctx.actor.origin,
      });
    }
    return practitioner.name;
  });
}
