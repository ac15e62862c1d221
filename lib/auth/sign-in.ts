import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import {
  claimThrottle,
  clearThrottles,
  clearThrottlesStartingWith,
  releaseThrottle,
  throttleWait,
  type ThrottleRule,
} from '@/db/queries/sign-in-throttles';
import { findUserForSignIn } from '@/db/queries/users';
import { MINUTE_S } from '@/lib/time/units';
import { verifyPassword } from './password';

/**
 * The user for an email and password, or null. Unknown emails still pay for a hash check,
 * and every failure looks the same, so sign-in reveals nothing about which accounts exist.
 */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const user = await findUserForSignIn(db, email.trim().toLowerCase());
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

const digest = (email: string) => createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');
const QUIET = 15 * MINUTE_S;

/**
 * The sign-in throttles (OWASP's authentication guidance: slow guessing down, never lock the
 * owner out). Each lets some failures through, then asks for waits that double, 1 s, 2 s, 4 s …
 * up to its longest; 15 quiet minutes start it again. Emails are kept only as digests.
 */
export const signInThrottles = {
  /** One email from one address: someone guessing at one account from where they are. */
  emailFromAddress: (email: string, address: string): ThrottleRule => ({
    key: `pair:${digest(email)}:${address}`,
    free: 5,
    maxWaitSeconds: 5 * MINUTE_S,
    quietSeconds: QUIET,
  }),
  /**
   * One email from anywhere: guessing spread over many addresses. Its waits stay short and it
   * never applies to a device that has signed in to the account before, so nobody can keep the
   * owner out by failing in their name.
   */
  email: (email: string): ThrottleRule => ({
    key: `email:${digest(email)}`,
    free: 10,
    maxWaitSeconds: MINUTE_S,
    quietSeconds: QUIET,
  }),
  /**
   * One address, whatever the email: spraying many accounts. Checked before any password hash,
   * so a spraying address costs a lookup, not an argon2 hash, per attempt. A team behind one
   * office address stays well under it; known devices are not slowed by it.
   */
  address: (address: string): ThrottleRule => ({
    key: `address:${address}`,
    free: 30,
    maxWaitSeconds: 5 * MINUTE_S,
    quietSeconds: QUIET,
  }),
};

export type SignInAttempt =
  | { status: 'signed-in'; user: NonNullable<Awaited<ReturnType<typeof verifyCredentials>>> }
  | { status: 'wrong' }
  | { status: 'throttled'; waitSeconds: number };

/**
 * One sign-in attempt from a client address. The throttles that apply (all three, or only the
 * email-and-address one on a device known to the account) are checked first; a waiting
 * attempt is refused before its password is hashed. Otherwise each throttle counts the attempt
 * as a failure before the check, in one conditional statement, so attempts sent at once cannot
 * slip past the waits together; a right password then clears the account's own throttles and
 * gives the address its count back.
 */
export async function attemptSignIn(
  db: Db,
  email: string,
  password: string,
  address: string,
  options: { knownDevice?: boolean; now?: Date } = {},
): Promise<SignInAttempt> {
  const now = options.now ?? new Date();
  const rules = options.knownDevice
    ? [signInThrottles.emailFromAddress(email, address)]
    : [
        signInThrottles.emailFromAddress(email, address),
        signInThrottles.email(email),
        signInThrottles.address(address),
      ];
  const waits = await Promise.all(rules.map((rule) => throttleWait(db, rule, now)));
  const wait = Math.max(...waits);
  if (wait > 0) return { status: 'throttled', waitSeconds: wait };

  const claimed: ThrottleRule[] = [];
  for (const rule of rules) {
    if (await claimThrottle(db, rule, now)) {
      claimed.push(rule);
      continue;
    }
    // Another attempt got there first: give back what this one counted, and wait.
    for (const done of claimed) await releaseThrottle(db, done.key);
    return { status: 'throttled', waitSeconds: Math.max(1, await throttleWait(db, rule, now)) };
  }
  const user = await verifyCredentials(db, email, password);
  if (!user) return { status: 'wrong' };
  const [pair, account, fromAddress] = rules;
  await clearThrottles(db, [pair!.key, ...(account ? [account.key] : [])]);
  if (fromAddress) await releaseThrottle(db, fromAddress.key);
  return { status: 'signed-in', user };
}

/** A new password from a set-password link ends every wait for that email, from every address. */
export async function forgetSignInFailures(db: Db, email: string): Promise<void> {
  await clearThrottles(db, [signInThrottles.email(email).key]);
  await clearThrottlesStartingWith(db, `pair:${digest(email)}:`);
}
