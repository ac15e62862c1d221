import { eq } from 'drizzle-orm';
import { openPostgres } from '../db/client';
import { teamMembers } from '../db/schema';
import { loadCalendars } from '../db/queries/scheduling';
import { findFreeSlots } from '../lib/scheduling/free-slots';
import { percentile } from './load';

export type SlotSearchResult = { searches: number; p50Ms: number; p95Ms: number; meanSlots: number };

/**
 * The slot search on its own, as the booking page runs it: the four calendar queries for
 * 3 required and 2 optional practitioners over 28 days, then the interval search. Sequential,
 * on a quiet connection, so the figure is the search's own cost including the database.
 */
export async function measureSlotSearch(url: string, teamId: string, iterations = 300): Promise<SlotSearchResult> {
  const database = openPostgres(url, { max: 1 });
  try {
    const staff = await database.db
      .select({ id: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, teamId))
      .orderBy(teamMembers.userId);
    const ids = staff.map((r) => r.id);
    const start = Date.now() + 86_400_000;
    const window = { start, end: start + 28 * 86_400_000 };
    const times: number[] = [];
    let slots = 0;
    for (let i = 0; i < iterations + 20; i++) {
      const pick = (k: number) => ids[(i + k) % ids.length]!;
      const required = [pick(0), pick(1), pick(2)];
      const optional = [pick(3), pick(4)];
      const began = performance.now();
      const calendars = await loadCalendars(database.db, {
        teamId,
        userIds: [...required, ...optional],
        window,
        coreUserIds: required,
      });
      const result = findFreeSlots({
        required: calendars.filter((c) => required.includes(c.id)),
        optional: calendars.filter((c) => optional.includes(c.id)),
        window,
        durationMinutes: 60,
        travelMinutes: 30,
        earliestStart: window.start,
        limit: 16,
      });
      const took = performance.now() - began;
      if (i >= 20) {
        times.push(took); // the first 20 warm the connection and the JIT
        slots += result.slots.length;
      }
    }
    times.sort((a, b) => a - b);
    return {
      searches: times.length,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
      meanSlots: slots / times.length,
    };
  } finally {
    await database.close();
  }
}
