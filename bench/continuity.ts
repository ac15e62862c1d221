import { and, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { openPostgres } from '../db/client';
import { meetings, people, teams } from '../db/schema';
import { defaultThresholds } from '../lib/continuity/flags';
import { personContinuity } from '../lib/continuity/person';
import { teamReview } from '../lib/continuity/team';
import { percentile } from './load';

export type Timing = { runs: number; p50Ms: number; p95Ms: number };
export type ContinuityResult = {
  review: Timing & { people: number };
  ribbon: Timing & { meetings: number };
  /** The review of one scratch team made of 100 to 2,000 of the trust's people (rolled back). */
  growth: (Timing & { people: number })[];
};

async function time(runs: number, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await run(); // warm the connection, the plans and the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await run();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { runs, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

class Rollback extends Error {}

/**
 * The continuity review and one person's ribbon in-process, with the database, sequential on a
 * quiet connection: the review of the practitioner's team, the ribbon of the person with the
 * most held meetings, and the review of a scratch team of 100, 500, 1,000 and 2,000 people
 * moved into it inside a transaction that is rolled back (it reads only its own team's rows,
 * so its cost follows the team's size).
 */
export async function measureContinuity(url: string, teamId: string): Promise<ContinuityResult> {
  const database = openPostgres(url, { max: 1 });
  const db = database.db as unknown as Db;
  const now = new Date();
  const input = { thresholds: defaultThresholds, now, today: now.toISOString().slice(0, 10) };
  try {
    let reviewed = 0;
    const review = await time(20, async () => {
      reviewed = (await teamReview(db, teamId, input)).length;
    });
    const [busiest] = await db
      .select({ personId: meetings.personId, n: count() })
      .from(meetings)
      .where(eq(meetings.status, 'held'))
      .groupBy(meetings.personId)
      .orderBy(desc(count()))
      .limit(1);
    const [person] = await db
      .select({ id: people.id, status: people.status, referralAt: people.referralAt })
      .from(people)
      .where(eq(people.id, busiest!.personId));
    const ribbon = await time(20, () => personContinuity(db, person!, { ...input, overdueActions: 0 }));

    const growth: ContinuityResult['growth'] = [];
    await db
      .transaction(async (tx) => {
        const [scratch] = await tx.insert(teams).values({ name: 'bench scratch team' }).returning({ id: teams.id });
        let moved = 0;
        for (const size of [100, 500, 1000, 2000]) {
          const picked = await tx
            .select({ id: people.id })
            .from(people)
            .where(and(eq(people.status, 'active'), ne(people.teamId, scratch!.id)))
            .orderBy(sql`md5(${people.id}::text)`)
            .limit(size - moved);
          const ids = picked.map((p) => p.id);
          await tx.update(people).set({ teamId: scratch!.id }).where(inArray(people.id, ids));
          await tx.update(meetings).set({ teamId: scratch!.id }).where(inArray(meetings.personId, ids));
          moved = size;
          await tx.execute(sql`analyze people`);
          const t = await time(10, () => teamReview(tx, scratch!.id, input));
          growth.push({ ...t, people: size });
        }
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return { review: { ...review, people: reviewed }, ribbon: { ...ribbon, meetings: Number(busiest!.n) }, growth };
  } finally {
    await database.close();
  }
}
