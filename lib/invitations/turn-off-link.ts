import { recordAudit } from '@/db/queries/audit';
import { withdrawUnsentEmails } from '@/db/queries/invitation-revocations';
import { meetingToInviteTo, revokeInvitation } from '@/db/queries/invitations';
import type { VerbContext } from '@/lib/actions/context';
import { AppError } from '@/lib/errors/app-error';
import type { PersonRef } from '@/db/queries/people';

/**
 * Ends one invitee's personal link at once (a lost phone, a changed mind): the page it opened
 * then says only that the link does not work, and any email with it that has not gone out is
 * taken back. Returns how many such emails were withdrawn. A meeting of another person or team
 * is not found.
 */
export async function turnOffLink(
  ctx: VerbContext,
  args: { person: PersonRef; meetingId: string; invitationId: string },
): Promise<{ emailsWithdrawn: number }> {
  return ctx.db.transaction(async (tx) => {
    if (!(await meetingToInviteTo(tx, args.person, args.meetingId))) throw new AppError('not_found');
    if (!(await revokeInvitation(tx, args.meetingId, args.invitationId)))
      throw new AppError('conflict', 'That link is already turned off.');
    await recordAudit(tx, {
      actorId: ctx.actor.actorId,
      teamId: args.person.teamId,
      action: 'update',
      entity: 'person',
      entityId: args.person.id,
      origin: ctx.actor.origin,
      detail: { meetingId: args.meetingId, revokedInvitation: args.invitationId },
    });
    return { emailsWithdrawn: await withdrawUnsentEmails(tx, [args.invitationId]) };
  });
}
