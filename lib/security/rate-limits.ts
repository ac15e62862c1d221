import type { Db } from '@/db/client';
import { hitRateLimit, overRateLimit, rateLimitWindowStart } from '@/db/queries/rate-limits';
import { MINUTE_S } from '@/lib/time/units';

/** One counter: what it counts, how many it allows, in what fixed window. */
export type RateLimit = { key: string; limit: number; windowSeconds: number };

/**
 * Every rate limit in the app, with its key. The counts live in PostgreSQL, so all instances
 * agree. The public links all carry 256-bit secrets, so guessing them is hopeless anyway; the
 * per-address limits only keep refusing cheap. Password guessing has throttles of its own, with
 * growing waits (lib/auth/sign-in.ts).
 */
export const limits = {
  /** Invitation links that do not work, per client address. */
  invitationMisses: (address: string): RateLimit => ({
    key: `invite-miss:${address}`,
    limit: 20,
    windowSeconds: 10 * MINUTE_S,
  }),
  /** Requests for one invitation: far more than a person answering ever needs. */
  invitationRequests: (invitationId: string): RateLimit => ({
    key: `invite:${invitationId}`,
    limit: 60,
    windowSeconds: MINUTE_S,
  }),
  /** Set-password (welcome) links that do not work, per client address. */
  welcomeMisses: (address: string): RateLimit => ({
    key: `welcome-miss:${address}`,
    limit: 20,
    windowSeconds: 10 * MINUTE_S,
  }),
  /** Calendar feed addresses that do not work, per client address. */
  feedMisses: (address: string): RateLimit => ({
    key: `feed-miss:${address}`,
    limit: 20,
    windowSeconds: 10 * MINUTE_S,
  }),
  /**
   * Fetches of one calendar feed (keyed by its token's digest, never the token). Calendar apps
   * poll every 15 minutes to every few hours: even five devices at every 5 minutes is 60 an hour.
   */
  feedFetches: (tokenHash: string): RateLimit => ({
    key: `feed:${tokenHash}`,
    limit: 120,
    windowSeconds: 60 * MINUTE_S,
  }),
};

export type SecretLinkLookup<T> = { status: 'found'; found: T } | { status: 'dead' } | { status: 'too-many' };

/**
 * Opens a secret link (an invitation, a set-password link): `lookup` finds what the link is
 * for, or undefined when it does not work. Links that do not work are counted against
 * `misses`; once an address is past it, links from there that do not work are answered "too
 * many tries" without counting further. A working link always opens, however many misses its
 * address has had: a family behind one busy address (a hospital's guest network, a mobile
 * carrier's) must not lose its own invitation to someone else's typing, and the 256-bit links
 * cannot be guessed, so the limit only keeps the refusing cheap. The count is read only after a
 * miss, so a working link costs its lookup alone (a dead one waits twice, which does it no harm).
 */
export async function openSecretLink<T>(
  db: Db,
  misses: RateLimit,
  lookup: Promise<T | undefined>,
  now = new Date(),
): Promise<SecretLinkLookup<T>> {
  const found = await lookup;
  if (found !== undefined) return { status: 'found', found };
  if (await isOverLimit(db, misses, now)) return { status: 'too-many' };
  await countHit(db, misses, now);
  return { status: 'dead' };
}

/** Counts one hit; `allowed` is false once the count is past the limit. */
export function countHit(db: Db, rateLimit: RateLimit, now = new Date()): Promise<{ allowed: boolean; hits: number }> {
  return hitRateLimit(db, rateLimit.key, rateLimit.limit, rateLimit.windowSeconds, now);
}

/** Whether the limit is already reached, without counting. */
export function isOverLimit(db: Db, rateLimit: RateLimit, now = new Date()): Promise<boolean> {
  return overRateLimit(db, rateLimit.key, rateLimit.limit, rateLimit.windowSeconds, now);
}

/** Seconds until the limit's current window ends, for a Retry-After header (at least 1). */
export function retryAfterSeconds(rateLimit: RateLimit, now = new Date()): number {
  const ends = rateLimitWindowStart(rateLimit.windowSeconds, now).getTime() + rateLimit.windowSeconds * 1000;
  return Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
}

/** The window in whole minutes, for messages that say how long to wait. */
export function windowMinutes(rateLimit: Pick<RateLimit, 'windowSeconds'>): number {
  return Math.ceil(rateLimit.windowSeconds / MINUTE_S);
}
