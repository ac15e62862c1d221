import { and, asc, eq, exists, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { absences, meetingPractitioners, meetings, people, users } from '../schema';
import { DAY_MS } from '@/lib/time/units';

/**
 * Absences over booked meetings. Scheduling never books anyone over an absence, but an absence
 * recorded later leaves the meetings already booked in place: these queries find them, so the
 * administrator who records it and the team who run the meeting are told. A meeting and an
 * absence clash when they overlap (half-open, so back to back is no clash); only booked meetings
 * that have not started yet count, since only those can still be moved. Permission is the caller's.
 */

/**
 * A practitioner's booked meetings, on any team, that start after `now` and overlap
 * [startsAt, endsAt), earliest first, with the practitioner's role in each.
 */
export async function bookedMeetingsDuring(db: Db, args: { userId: string; startsAt: Date; endsAt: Date; now: Date }) {
  const from = args.startsAt > args.now ? args.startsAt : args.now;
  return db
    .select({
      meetingId: meetings.id,
      personId: meetings.personId,
      personGivenName: people.givenName,
      personPreferredName: people.preferredName,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      role: meetingPractitioners.role,
    })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(people, eq(people.id, meetings.personId))
    .where(
      and(
        eq(meetingPractitioners.userId, args.userId),
        eq(meetingPractitioners.active, true),
        // Busy intervals (the meeting and its travel) are shorter than a day and hold the
        // meeting, so these bounds on busy_from keep the search on the (user_id, busy_from) index.
        gt(meetingPractitioners.busyFrom, new Date(from.getTime() - DAY_MS)),
        lt(meetingPractitioners.busyFrom, args.endsAt),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, args.now),
        lt(meetings.startsAt, args.endsAt),
        gt(meetings.endsAt, args.startsAt),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

export type BookedMeetingDuring = Awaited<ReturnType<typeof bookedMeetingsDuring>>[number];

/**
 * Who from the team is away during one meeting: each practitioner in it with an absence
 * overlapping the meeting's time, with the reason and their role. One row per practitioner.
 */
export async function practitionersAwayDuringMeeting(db: Db, meetingId: string) {
  const rows = await db
    .select({ userId: meetingPractitioners.userId, role: meetingPractitioners.role, reason: absences.reason })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(
      absences,
      and(
        eq(absences.userId, meetingPractitioners.userId),
        lt(absences.startsAt, meetings.endsAt),
        gt(absences.endsAt, meetings.startsAt),
      ),
    )
    .where(and(eq(meetingPractitioners.meetingId, meetingId), eq(meetingPractitioners.active, true)))
    .orderBy(asc(absences.startsAt));
  // A meeting across midnight can meet two back-to-back absences: the first one speaks for it.
  const first = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!first.has(row.userId)) first.set(row.userId, row);
  return [...first.values()];
}

/**
 * For a list of booked meetings (Today's), the required practitioners in each who are away
 * during it. One query whatever the number of meetings: the meetings by primary key, and for
 * each practitioner an EXISTS probe on absences' (user_id, starts_at) index.
 */
export async function requiredPractitionersAway(db: Db, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: meetingPractitioners.meetingId, userId: users.id, name: users.name })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(users, eq(users.id, meetingPractitioners.userId))
    .where(
      and(
        inArray(meetingPractitioners.meetingId, [...meetingIds]),
        eq(meetingPractitioners.active, true),
        eq(meetingPractitioners.role, 'required'),
        exists(
          db
            .select({ one: sql`1` })
            .from(absences)
            .where(
              and(
                eq(absences.userId, meetingPractitioners.userId),
                lt(absences.startsAt, meetings.endsAt),
                gt(absences.endsAt, meetings.startsAt),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(users.name));
}
