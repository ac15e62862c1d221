import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MeetingForCalendar } from '@/lib/calendar/meeting-event';
import type { Db } from '../client';
import { calendarFeeds, meetingPractitioners, meetings, teamMembers, users } from '../schema';
import { DAY_MS } from '@/lib/time/units';
import type { PersonRef } from './people';

/** A generous cap: six months of a busy practitioner's meetings is a few hundred. */
const FEED_LIMIT = 2000;

const organizers = alias(users, 'organizers');

/** Everything a calendar file shows, with the practitioners gathered in the same statement. */
const calendarColumns = {
  id: meetings.id,
  personId: meetings.personId,
  status: meetings.status,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  locationKind: meetings.locationKind,
  locationDetail: meetings.locationDetail,
  videoUrl: meetings.videoUrl,
  sequence: meetings.sequence,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  organizerName: organizers.name,
  organizerEmail: organizers.email,
  // Read with the primary key (meeting_id, user_id); as text, so both drivers hand back the same.
  practitioners: sql<string>`(
    select coalesce(json_agg(json_build_object('name', u.name, 'email', u.email, 'role', p.role, 'attendance', p.attendance) order by p.role, u.name), '[]'::json)::text
    from ${meetingPractitioners} p join ${users} u on u.id = p.user_id
    where p.meeting_id = ${meetings.id}
  )`,
};

type CalendarRow = Omit<MeetingForCalendar, 'organizer' | 'practitioners'> & {
  organizerName: string | null;
  organizerEmail: string | null;
  practitioners: string;
};

function toMeetingForCalendar(row: CalendarRow): MeetingForCalendar {
  return {
    id: row.id,
    personId: row.personId,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    locationKind: row.locationKind,
    locationDetail: row.locationDetail,
    videoUrl: row.videoUrl,
    sequence: row.sequence,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    organizer: row.organizerName && row.organizerEmail ? { name: row.organizerName, email: row.organizerEmail } : null,
    practitioners: JSON.parse(row.practitioners) as MeetingForCalendar['practitioners'],
  };
}

/** One meeting of a person on a team, for its calendar file. The caller has checked the team. */
export async function meetingForCalendar(
  db: Db,
  person: PersonRef,
  meetingId: string,
): Promise<MeetingForCalendar | undefined> {
  return (await meetingsForCalendar(db, person, [meetingId]))[0];
}

/** Meetings of a person on a team, for their calendar files and notices, in one statement. */
export async function meetingsForCalendar(
  db: Db,
  person: PersonRef,
  meetingIds: readonly string[],
): Promise<MeetingForCalendar[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .select(calendarColumns)
    .from(meetings)
    .leftJoin(organizers, eq(organizers.id, meetings.createdBy))
    .where(
      and(inArray(meetings.id, [...meetingIds]), eq(meetings.personId, person.id), eq(meetings.teamId, person.teamId)),
    );
  return rows.map(toMeetingForCalendar);
}

/**
 * A practitioner's meetings in the window, for their feed: one statement on the
 * (user_id, busy_from) index. Only meetings of teams they still belong to, and only while they
 * are in it; cancelled meetings stay (their interval is freed) so subscribed clients drop them.
 */
export async function feedMeetings(
  db: Db,
  userId: string,
  window: { from: Date; until: Date },
): Promise<MeetingForCalendar[]> {
  const rows = await db
    .select(calendarColumns)
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .innerJoin(
      teamMembers,
      and(eq(teamMembers.teamId, meetings.teamId), eq(teamMembers.userId, meetingPractitioners.userId)),
    )
    .leftJoin(organizers, eq(organizers.id, meetings.createdBy))
    .where(
      and(
        eq(meetingPractitioners.userId, userId),
        // Busy intervals are shorter than a day, so both bounds on busy_from use the index.
        gt(meetingPractitioners.busyFrom, new Date(window.from.getTime() - DAY_MS)),
        lt(meetingPractitioners.busyFrom, window.until),
        gt(meetings.endsAt, window.from),
        lt(meetings.startsAt, window.until),
        or(eq(meetingPractitioners.active, true), eq(meetings.status, 'cancelled')),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(FEED_LIMIT);
  return rows.map((row) => toMeetingForCalendar(row));
}

/** The owner of an active feed, unless the token is unknown or revoked or the owner is disabled. */
export async function calendarFeedOwner(db: Db, tokenHash: string): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt), isNull(users.disabledAt)))
    .limit(1);
  return row;
}

/** The user's active feed (never its token, which is not stored). */
export async function activeCalendarFeed(db: Db, userId: string): Promise<{ id: string; createdAt: Date } | undefined> {
  const [row] = await db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row;
}

/**
 * A new feed for the user, revoking any earlier one. The user's row is locked first, so two
 * requests at once (each in its own transaction) still leave exactly one feed active.
 */
export async function insertCalendarFeed(
  db: Db,
  userId: string,
  tokenHash: string,
): Promise<{ id: string; createdAt: Date; replaced: boolean }> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  const replaced = (await revokeCalendarFeeds(db, userId)) > 0;
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
  return { id: row!.id, createdAt: row!.createdAt, replaced };
}

/** Turns off the user's active feeds; how many there were (none, or one). */
export async function revokeCalendarFeeds(db: Db, userId: string): Promise<number> {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked.length;
}
