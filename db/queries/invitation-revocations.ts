import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { invitations, outbox } from '../schema';

export type RevokedInvitation = { id: string; meetingId: string };

/**
 * Ends every live link of a network member at once, whatever became of its meeting (a cancelled
 * meeting's page still says when and where it was to be): their pages then show only that the
 * link no longer works.
 */
export async function revokeMemberInvitations(
  db: Db,
  memberId: string,
  now = new Date(),
): Promise<RevokedInvitation[]> {
  return db
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.networkMemberId, memberId), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, meetingId: invitations.meetingId });
}

/**
 * Takes back every email of these invitations that has not gone out: waiting, or failed and
 * waiting for someone to retry it. One already being handed to the mail server goes.
 */
export async function withdrawUnsentEmails(db: Db, invitationIds: readonly string[]): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const rows = await db
    .delete(outbox)
    .where(and(inArray(outbox.invitationId, [...invitationIds]), inArray(outbox.status, ['pending', 'failed'])))
    .returning({ id: outbox.id });
  return rows.length;
}
