import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { rateLimits } from '../schema';

/** The start of the fixed window that `now` falls in. */
export function rateLimitWindowStart(windowSeconds: number, now: Date): Date {
  return new Date(Math.floor(now.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
}

/**
 * Counts one hit for `key` in a fixed window and says whether it is within `limit`. One
 * statement (an upsert), kept in PostgreSQL so several app instances share the count.
 */
export async function hitRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<{ allowed: boolean; hits: number }> {
  const windowStart = rateLimitWindowStart(windowSeconds, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.hits} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ hits: rateLimits.hits });
  return { allowed: row!.hits <= limit, hits: row!.hits };
}

/** Whether `key` is already over `limit` in the current window, without counting a hit. */
export async function overRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now = new Date(),
): Promise<boolean> {
  const windowStart = rateLimitWindowStart(windowSeconds, now);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)))
    .limit(1);
  return (row?.hits ?? 0) >= limit;
}

/** Longer than any window in use (the longest is an hour): rows older than this count for nothing. */
export const RATE_LIMIT_KEEP_MS = 24 * 60 * 60_000;

/**
 * Deletes counts whose window ended long ago, so addresses and emails tried once do not pile
 * up for ever. Returns how many went.
 */
export async function deleteStaleRateLimits(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - RATE_LIMIT_KEEP_MS)))
    .returning({ key: rateLimits.key });
  return gone.length;
}
