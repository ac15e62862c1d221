import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '../schema';
import { engines, openTestDatabase, type TestDatabase } from '../testing/databases';
import { deleteStaleRateLimits, hitRateLimit, RATE_LIMIT_KEEP_MS } from './rate-limits';

describe.each(engines)('stale rate-limit counts on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('deletes counts whose window ended more than a day ago, and keeps the rest counting', async () => {
    const { db } = database;
    const now = new Date('2026-11-24T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await hitRateLimit(db, 'sweep-test:old', 20, 600, ago(RATE_LIMIT_KEEP_MS + 3_600_000));
    await hitRateLimit(db, 'sweep-test:yesterday-but-inside', 20, 600, ago(RATE_LIMIT_KEEP_MS - 3_600_000));
    await hitRateLimit(db, 'sweep-test:now', 20, 600, now);
    await hitRateLimit(db, 'sweep-test:now', 20, 600, now);

    expect(await deleteStaleRateLimits(db, now)).toBe(1);
    const left = await db
      .select({ key: rateLimits.key, hits: rateLimits.hits })
      .from(rateLimits)
      .where(like(rateLimits.key, 'sweep-test:%'));
    expect(left.sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'sweep-test:now', hits: 2 },
      { key: 'sweep-test:yesterday-but-inside', hits: 1 },
    ]);
    // The current window still counts on from where it was.
    expect(await hitRateLimit(db, 'sweep-test:now', 20, 600, now)).toEqual({ allowed: true, hits: 3 });
    expect(await deleteStaleRateLimits(db, now)).toBe(0);
  });
});
