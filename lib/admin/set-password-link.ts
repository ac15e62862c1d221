import type { Db } from '@/db/client';
import { insertWelcomeLink } from '@/db/queries/welcome-links';
import { hashWelcomeToken, welcomeLinkExpiry, newWelcomeToken } from './welcome-token';

/**
 * A new set-password link for the account (any earlier one stops working), stored as its hash;
 * the token itself goes back to the administrator once.
 */
export async function insertSetPasswordLink(db: Db, userId: string, createdBy: string, now: Date) {
  const token = newWelcomeToken();
  const link = await insertWelcomeLink(db, {
    userId,
    tokenHash: hashWelcomeToken(token),
    createdBy,
    expiresAt: welcomeLinkExpiry(now),
    now,
  });
  return { token, expiresAt: link.expiresAt };
}
