import { and, eq } from 'drizzle-orm';
import { openPostgres } from '../db/client';
import { loadCalendars } from '../db/queries/scheduling';
import { people, teamMembers } from '../db/schema';
import { findFreeSlots } from '../lib/scheduling/free-slots';
import { bookMeeting } from '../lib/scheduling/book-meeting';
import { percentile } from './load';

export type BookingResult = { bookings: number; p50Ms: number; p95Ms: number };

/**
 * Booking on its own, as the booking action runs it after validation (lib/scheduling/book-meeting.ts):
 * load the chosen practitioners' calendars around the time, check working hours and absences,
 * then the one transaction (meeting, busy intervals guarded by the exclusion constraint, audit event).
 * Each booking takes a free time found beforehand (not measured), so every one succeeds.
 */
export async function measureBooking(url: string, teamId: string, iterations = 200): Promise<BookingResult> {
  const database = openPostgres(url, { max: 1 });
  const { db } = database;
  try {
    const staff = (
      await db
        .select({ id: teamMembers.userId })
        .from(teamMembers)
        .where(eq(teamMembers.teamId, teamId))
        .orderBy(teamMembers.userId)
    ).map((r) => r.id);
    const [person] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.teamId, teamId), eq(people.status, 'active')))
      .limit(1);
    const start = Date.now() + 29 * 86_400_000;
    const window = { start, end: start + 14 * 86_400_000 };
    const times: number[] = [];
    for (let i = 0; i < iterations + 10; i++) {
      const required = [staff[i % staff.length]!, staff[(i + 1) % staff.length]!];
      const calendarsForSearch = await loadCalendars(db, { teamId, userIds: required, window, coreUserIds: [] });
      const slot = findFreeSlots({
        required: calendarsForSearch,
        window,
        durationMinutes: 60,
        travelMinutes: 30,
        earliestStart: start,
        limit: 1,
      }).slots[0];
      if (!slot) continue;
      const began = performance.now();
      // The verb the booking action calls: calendars around the time, working hours and
      // absences, then the one transaction (meeting, busy intervals, audit, invitations).
      await bookMeeting(
        { db, actor: { actorId: required[0]!, origin: 'bench' } },
        {
          person: { id: person!.id, teamId },
          input: {
            personId: person!.id,
            kind: 'network',
            duration: 60,
            location: 'home',
            locationDetail: 'Bench Street 1',
            videoUrl: '',
            required,
            optional: [],
            invite: { person: false, memberIds: [] },
            start: new Date(slot.start).toISOString(),
          },
        },
      );
      const took = performance.now() - began;
      if (i >= 10) times.push(took);
    }
    times.sort((a, b) => a - b);
    return { bookings: times.length, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
  } finally {
    await database.close();
  }
}
