import { recordAudit } from '@/db/queries/audit';
import { insertCalendarFeed } from '@/db/queries/calendar-files';
import type { VerbContext } from '@/lib/actions/context';
import { hashFeedToken, newFeedToken } from './feed-token';

/**
 * A new secret feed address for the user, replacing any earlier one (which stops working).
 * The token goes back once, to be shown once: only its hash is kept.
 */
export async function createCalendarFeed(
  ctx: VerbContext,
  input: { userId: string },
): Promise<{ token: string; id: string; replaced: boolean }> {
  const token = newFeedToken();
  return ctx.db.transaction(async (tx) => {
    const feed = await insertCalendarFeed(tx, input.userId, hashFeedToken(token));
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: null,
      action: 'update',
      entity: 'user',
      entityId: input.userId,
      origin: ctx.actor.origin,
      detail: { calendarFeed: feed.replaced ? 'replaced' : 'created' },
    });
    return { token, id: feed.id, replaced: feed.replaced };
  });
}
