import { recordAudit } from '@/db/queries/audit';
import { revokeCalendarFeeds } from '@/db/queries/calendar-files';
import type { VerbContext } from '@/lib/actions/context';

/** Turns the user's feed address off; false when there was none to turn off. */
export async function revokeCalendarFeed(ctx: VerbContext, input: { userId: string }): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    if ((await revokeCalendarFeeds(tx, input.userId)) === 0) return false;
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: input.userId,
      origin: ctx.actor.origin,
      detail: { calendarFeed: 'revoked' },
    });
    return true;
  });
}
