import type { Db } from '@/db/client';
import { findUserForSignIn } from '@/db/queries/users';
import { verifyPassword } from './password';

/**
 * The user for an email and password, or null. Unknown emails still pay for a hash check,
 * and every failure looks the same, so sign-in reveals nothing about which accounts exist.
 */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const user = await findUserForSignIn(db, email.trim().toLowerCase());
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name };
}
