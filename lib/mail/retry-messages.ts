import { recordAudit } from '@/db/queries/audit';
import { findOutboxMessage, retryAllFailed, retryNow } from '@/db/queries/outbox';
import type { VerbContext } from '@/lib/actions/context';
import { assertCan, readableTeams, type Actor as Asker } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';

/**
 * "Retry now" on one email that failed or waits for its next try: due at once, with a fresh
 * round of attempts, and audited. Email about a meeting is its team's; anything else (a welcome
 * link) is for administrators. One being sent, or gone already, is a conflict.
 */
export async function retryMessage(ctx: VerbContext, args: { user: Asker; messageId: number }) {
  return ctx.db.transaction(async (tx) => {
    const message = await findOutboxMessage(tx, args.messageId);
    if (!message) throw new AppError('not_found');
    if (message.teamId) assertCan(args.user, 'update', { kind: 'meeting', teamId: message.teamId });
    else assertCan(args.user, 'manage', { kind: 'administration' });
    if (!(await retryNow(tx, message.id)))
      throw new AppError('conflict', 'This message is being sent or has gone already. Reload the page to see it now.');
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: message.teamId,
      action: 'retry',
      entity: 'outbox_message',
      entityId: String(message.id),
      origin: ctx.actor.origin,
    });
  });
}

/** "Retry all failed" after the mail server is fixed: the failed email of the user's teams, audited. Returns how many. */
export async function retryFailedMessages(ctx: VerbContext, args: { user: Asker }): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const scope = readableTeams(args.user);
    const count = await retryAllFailed(tx, scope);
    if (count > 0) {
      await recordAudit(tx, {
        actorId: ctx.actor.actorId,
        teamId: null,
        action: 'retry',
        entity: 'outbox_message',
        entityId: 'all-failed',
        origin: ctx.actor.origin,
        detail: { count, teams: scope },
      });
    }
    return count;
  });
}
