import type { Db } from '@/db/client';
import { findUserForSignIn } from '@/db/queries/users';
import { countHit, limits, refundHit, windowMinutes } from '@/lib/security/rate-limits';
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

export type SignInAttempt =
  | { status: 'signed-in'; user: NonNullable<Awaited<ReturnType<typeof verifyCredentials>>> }
  | { status: 'wrong' }
  | { status: 'throttled' };

/** What the sign-in form says when an attempt is throttled. */
export const TOO_MANY_SIGN_IN_ATTEMPTS = `Too many attempts to sign in. Please wait ${Math.max(
  windowMinutes(limits.signInFailuresForEmail('')),
  windowMinutes(limits.signInFailuresFromAddress('')),
)} minutes and try again, or ask your administrator to reset your password.`;

/**
 * One sign-in attempt from a client address, with failed attempts limited per email (known or
 * not, so the limit reveals nothing) and per address. Over either limit the password is not
 * checked at all, so the limit really stops guessing. Each attempt is counted before the
 * check, so attempts sent at once cannot slip past the limit together; a success, or an
 * attempt refused by the limit, gives its count back, so only wrong passwords count.
 */
export async function attemptSignIn(
  db: Db,
  email: string,
  password: string,
  address: string,
  now = new Date(),
): Promise<SignInAttempt> {
  const counters = [limits.signInFailuresForEmail(email), limits.signInFailuresFromAddress(address)];
  const hits = await Promise.all(counters.map((counter) => countHit(db, counter, now)));
  const giveBack = () => Promise.all(counters.map((counter) => refundHit(db, counter, now)));
  if (hits.some((hit) => !hit.allowed)) {
    await giveBack();
    return { status: 'throttled' };
  }
  const user = await verifyCredentials(db, email, password);
  if (!user) return { status: 'wrong' };
  await giveBack();
  return { status: 'signed-in', user };
}
