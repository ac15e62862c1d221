import { and, eq, gt, inArray, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { signInThrottles } from '../schema';

/** One throttle: its key, the failures it lets through before waits begin, and the longest wait. */
export type ThrottleRule = { key: string; free: number; maxWaitSeconds: number; quietSeconds: number };

/**
 * The wait (seconds) after `failures` failures: none while free, then 1, 2, 4 … up to the
 * rule's longest. The same formula as the SQL in `claimThrottle`.
 */
export function waitSeconds(rule: Pick<ThrottleRule, 'free' | 'maxWaitSeconds'>, failures: number): number {
  return failures < rule.free ? 0 : Math.min(2 ** (failures - rule.free), rule.maxWaitSeconds);
}

/**
 * Seconds until an attempt under `rule` may be made (0: now). A quiet spell of the rule's
 * length since the last failure starts the count again.
 */
export async function throttleWait(db: Db, rule: ThrottleRule, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ failures: signInThrottles.failures, lastFailureAt: signInThrottles.lastFailureAt })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, rule.key))
    .limit(1);
  if (!row) return 0;
  const since = (now.getTime() - row.lastFailureAt.getTime()) / 1000;
  if (since >= rule.quietSeconds) return 0;
  return Math.max(0, Math.ceil(waitSeconds(rule, row.failures) - since));
}

/**
 * Counts an attempt as a failure before its password is checked, if the rule lets it through
 * now, in one conditional upsert: attempts sent at once queue on the row, and only those the
 * waits allow are counted and go on. Returns false (nothing counted) when it must wait.
 */
export async function claimThrottle(db: Db, rule: ThrottleRule, now = new Date()): Promise<boolean> {
  // Raw SQL takes timestamps as text (the driver leaves Date parameters to the column's mapping).
  const quietSince = sql`${new Date(now.getTime() - rule.quietSeconds * 1000).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const t = signInThrottles;
  const rows = await db
    .insert(t)
    .values({ key: rule.key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${t.lastFailureAt} <= ${quietSince} then 1 else ${t.failures} + 1 end`,
        lastFailureAt: now,
      },
      setWhere: sql`${t.lastFailureAt} <= ${quietSince} or ${t.failures} < ${rule.free} or ${t.lastFailureAt}
        + make_interval(secs => least(power(2, ${t.failures} - ${rule.free}), ${rule.maxWaitSeconds})) <= ${at}`,
    })
    .returning({ failures: t.failures });
  return rows.length > 0;
}

/** Takes back an attempt claimed as a failure (it was refused by another rule, or it succeeded). */
export async function releaseThrottle(db: Db, key: string): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ failures: sql`${signInThrottles.failures} - 1` })
    .where(and(eq(signInThrottles.key, key), gt(signInThrottles.failures, 0)));
}

/** Forgets these throttles altogether (a right password, a new password). */
export async function clearThrottles(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/** Forgets every throttle whose key starts with `prefix` (all of one email's address pairs). */
export async function clearThrottlesStartingWith(db: Db, prefix: string): Promise<void> {
  await db.delete(signInThrottles).where(like(signInThrottles.key, `${prefix}%`));
}

/** Deletes throttles quiet for longer than any rule remembers. */
export async function deleteQuietThrottles(db: Db, olderThan: Date): Promise<number> {
  const gone = await db
    .delete(signInThrottles)
    .where(lt(signInThrottles.lastFailureAt, olderThan))
    .returning({ key: signInThrottles.key });
  return gone.length;
}
