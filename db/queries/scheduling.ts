import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { PractitionerCalendar } from '@/lib/scheduling/free-slots';
import type { Interval } from '@/lib/scheduling/intervals';
import type { Db } from '../client';
import { absences, meetingPractitioners, meetings, teamMembers, teams, users, workingPatterns } from '../schema';
import { DAY_MS, MINUTE_MS } from '@/lib/time/units';
import type { PersonRef } from './people';

/**
 * Each practitioner's week, absences and busy intervals in the window, for the slot search.
 * Only practitioners of the team are returned. Four queries, whatever the number of people.
 */
export async function loadCalendars(
  db: Db,
  args: {
    teamId: string;
    userIds: string[];
    window: Interval;
    coreUserIds: string[];
    ignoreMeetingIds?: readonly string[];
  },
): Promise<PractitionerCalendar[]> {
  const ignore = new Set(args.ignoreMeetingIds ?? []);
  if (args.userIds.length === 0) return [];
  const from = new Date(args.window.start);
  const to = new Date(args.window.end);
  const [staff, patterns, away, busy] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, zone: users.timeZone, discipline: users.discipline })
      .from(users)
      .innerJoin(teamMembers, and(eq(teamMembers.userId, users.id), eq(teamMembers.teamId, args.teamId)))
      // Whose access is turned off is never offered or booked.
      .where(and(inArray(users.id, args.userIds), isNull(users.disabledAt))),
    db
      .select({
        userId: workingPatterns.userId,
        weekday: workingPatterns.weekday,
        startMinute: workingPatterns.startMinute,
        endMinute: workingPatterns.endMinute,
      })
      .from(workingPatterns)
      .where(inArray(workingPatterns.userId, args.userIds)),
    db
      .select({ userId: absences.userId, start: absences.startsAt, end: absences.endsAt, reason: absences.reason })
      .from(absences)
      .where(and(inArray(absences.userId, args.userIds), lt(absences.startsAt, to), gt(absences.endsAt, from))),
    db
      .select({
        meetingId: meetingPractitioners.meetingId,
        userId: meetingPractitioners.userId,
        start: meetingPractitioners.busyFrom,
        end: meetingPractitioners.busyTo,
      })
      .from(meetingPractitioners)
      .where(
        and(
          inArray(meetingPractitioners.userId, args.userIds),
          eq(meetingPractitioners.active, true),
          // Busy intervals are shorter than a day, so this lower bound lets the index do the work.
          gt(meetingPractitioners.busyFrom, new Date(args.window.start - DAY_MS)),
          lt(meetingPractitioners.busyFrom, to),
          gt(meetingPractitioners.busyTo, from),
        ),
      ),
  ]);
  return staff.map((s) => ({
    id: s.id,
    name: s.name,
    zone: s.zone,
    isPeer: s.discipline === 'peer_support_worker',
    isCore: args.coreUserIds.includes(s.id),
    pattern: patterns.filter((p) => p.userId === s.id),
    absences: away
      .filter((a) => a.userId === s.id)
      .map((a) => ({ start: a.start.getTime(), end: a.end.getTime(), reason: a.reason })),
    busy: busy
      .filter((b) => b.userId === s.id && !ignore.has(b.meetingId))
      .map((b) => ({ start: b.start.getTime(), end: b.end.getTime() })),
  }));
}

export type NewMeeting = {
  personId: string;
  teamId: string;
  kind: (typeof meetings.kind.enumValues)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  locationKind: (typeof meetings.locationKind.enumValues)[number];
  locationDetail: string | null;
  videoUrl: string | null;
  travelMinutes: number;
  practitioners: { userId: string; role: 'required' | 'optional' }[];
  seriesId?: string | null;
};

function busyRows(
  meetingId: string,
  meeting: Pick<NewMeeting, 'startsAt' | 'endsAt' | 'travelMinutes' | 'practitioners'>,
) {
  const travel = meeting.travelMinutes * MINUTE_MS;
  return meeting.practitioners.map((p) => ({
    meetingId,
    userId: p.userId,
    role: p.role,
    busyFrom: new Date(meeting.startsAt.getTime() - travel),
    busyTo: new Date(meeting.endsAt.getTime() + travel),
  }));
}

/**
 * Inserts meetings (one, or every occurrence of a series) with their practitioners' busy
 * intervals, inside the caller's transaction. The exclusion constraint on busy intervals settles
 * every race: if someone else took a time a moment ago, this throws (SQLSTATE 23P01, which the
 * error module turns into "that time was just taken") and the transaction saves nothing.
 */
export async function insertMeetings(tx: Db, list: readonly NewMeeting[], createdBy: string): Promise<string[]> {
  const ids: string[] = [];
  for (const meeting of list) {
    const [row] = await tx
      .insert(meetings)
      .values({
        personId: meeting.personId,
        teamId: meeting.teamId,
        kind: meeting.kind,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        timeZone: meeting.timeZone,
        locationKind: meeting.locationKind,
        locationDetail: meeting.locationDetail,
        videoUrl: meeting.videoUrl,
        seriesId: meeting.seriesId ?? null,
        createdBy,
      })
      .returning({ id: meetings.id });
    await tx.insert(meetingPractitioners).values(busyRows(row!.id, meeting));
    ids.push(row!.id);
  }
  return ids;
}

export type MeetingChange = {
  meetingId: string;
  kind: NewMeeting['kind'];
  startsAt: Date;
  endsAt: Date;
  locationKind: NewMeeting['locationKind'];
  locationDetail: string | null;
  videoUrl: string | null;
  travelMinutes: number;
  practitioners: NewMeeting['practitioners'];
};

/**
 * Moves booked meetings (one, or the rest of a series), inside the caller's transaction: new
 * times and place, the practitioners' busy intervals moved with them (the exclusion constraint
 * still settles any race), and SEQUENCE bumped so calendars replace their copy. Returns false,
 * having changed only rows the caller's transaction will roll back, when any of them is no
 * longer booked.
 */
export async function updateMeetingTimes(
  tx: Db,
  person: PersonRef,
  changes: readonly MeetingChange[],
): Promise<boolean> {
  if (changes.length === 0) return false;
  for (const change of changes) {
    const updated = await tx
      .update(meetings)
      .set({
        kind: change.kind,
        startsAt: change.startsAt,
        endsAt: change.endsAt,
        locationKind: change.locationKind,
        locationDetail: change.locationDetail,
        videoUrl: change.videoUrl,
        sequence: sql`${meetings.sequence} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(meetings.id, change.meetingId),
          eq(meetings.personId, person.id),
          eq(meetings.teamId, person.teamId),
          eq(meetings.status, 'scheduled'),
        ),
      )
      .returning({ id: meetings.id });
    if (updated.length === 0) return false;
  }
  // Free every moving meeting's old intervals first, then take the new ones: a series moved by
  // a day puts meeting n on the old time of meeting n + 1, which must not collide with itself.
  await tx.delete(meetingPractitioners).where(
    inArray(
      meetingPractitioners.meetingId,
      changes.map((c) => c.meetingId),
    ),
  );
  await tx.insert(meetingPractitioners).values(changes.flatMap((change) => busyRows(change.meetingId, change)));
  return true;
}

export async function teamSchedulingSettings(db: Db, teamId: string) {
  const [row] = await db
    .select({
      timeZone: teams.timeZone,
      travelBufferMinutes: teams.travelBufferMinutes,
      minimumNoticeHours: teams.minimumNoticeHours,
    })
    .from(teams)
    .where(eq(teams.id, teamId))
    .limit(1);
  return row;
}

/** One meeting of a person, with who from the team is in it. */
export async function findMeeting(db: Db, personId: string, meetingId: string) {
  const [meeting] = await db
    .select({
      id: meetings.id,
      teamId: meetings.teamId,
      kind: meetings.kind,
      status: meetings.status,
      statusReason: meetings.statusReason,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      timeZone: meetings.timeZone,
      locationKind: meetings.locationKind,
      locationDetail: meetings.locationDetail,
      videoUrl: meetings.videoUrl,
      sequence: meetings.sequence,
      seriesId: meetings.seriesId,
    })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.personId, personId)))
    .limit(1);
  if (!meeting) return undefined;
  const practitioners = await db
    .select({
      userId: users.id,
      name: users.name,
      discipline: users.discipline,
      role: meetingPractitioners.role,
      accessOff: sql<boolean>`${users.disabledAt} is not null`,
    })
    .from(meetingPractitioners)
    .innerJoin(users, eq(users.id, meetingPractitioners.userId))
    .where(eq(meetingPractitioners.meetingId, meeting.id))
    .orderBy(users.name);
  return { ...meeting, practitioners };
}

/** The booked meetings of a series from `from` on (the rest of the series), in time order. */
export async function restOfSeries(db: Db, person: PersonRef, seriesId: string, from: Date) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt, endsAt: meetings.endsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.seriesId, seriesId),
        eq(meetings.personId, person.id),
        eq(meetings.teamId, person.teamId),
        eq(meetings.status, 'scheduled'),
        gte(meetings.startsAt, from),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/** A person's booked meetings that have not started yet, in time order. */
export async function meetingsToCome(db: Db, person: PersonRef, now = new Date()) {
  return db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(
      and(
        eq(meetings.personId, person.id),
        eq(meetings.teamId, person.teamId),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, now),
      ),
    )
    .orderBy(asc(meetings.startsAt));
}

/**
 * Cancels booked meetings with their reason, inside the caller's transaction: one, or the rest
 * of its series. The database frees the practitioners' time in the same statement (trigger), and
 * each sequence is bumped so calendars replace their copy. Returns the ids cancelled.
 */
export async function cancelMeetingRows(
  tx: Db,
  person: PersonRef,
  meetingIds: readonly string[],
  reason: string,
): Promise<string[]> {
  if (meetingIds.length === 0) return [];
  const changed = await tx
    .update(meetings)
    .set({ status: 'cancelled', statusReason: reason, sequence: sql`${meetings.sequence} + 1`, updatedAt: new Date() })
    .where(
      and(
        inArray(meetings.id, [...meetingIds]),
        eq(meetings.personId, person.id),
        eq(meetings.teamId, person.teamId),
        eq(meetings.status, 'scheduled'),
      ),
    )
    .returning({ id: meetings.id });
  return changed.map((c) => c.id);
}
