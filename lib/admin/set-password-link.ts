import type { Db } from '@/db/client';
import { insertInvite } from '@/db/queries/invites';
import { hashInviteToken, inviteExpiry, newInviteToken } from './invite-token';

/**
 * A new set-password link for the account (any earlier one stops working), stored as its hash;
 * the token itself goes back to the administrator once.
 */
export async function insertSetPasswordLink(db: Db, userId: string, createdBy: string, now: Date) {
  const token = newInviteToken();
  const invite = await insertInvite(db, {
    userId,
    tokenHash: hashInviteToken(token),
    createdBy,
    expiresAt: inviteExpiry(now),
    now,
  });
  return { token, expiresAt: invite.expiresAt };
}
