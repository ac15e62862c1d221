import { and, asc, eq, gt, inArray, isNull, lt, ne, type SQL } from 'drizzle-orm';
import type { TeamScope } from '@/lib/auth/permissions';
import type { Db } from '../client';
import { absences, meetingPractitioners, meetings, people, teamMembers, users } from '../schema';
import { inTeams } from './scope';
import { DAY_MS } from '@/lib/time/units';

/**
 * A week of meetings and absences, for the week calendar. Permission is checked by the caller;
 * every query here is bounded by the practitioners asked for and by the week.
 */

export type WeekWindow = { start: Date; end: Date };

export type CalendarPractitioner = {
  id: string;
  name: string;
  discipline: (typeof users.discipline.enumValues)[number];
};

export type CalendarMeeting = {
  id: string;
  /** The practitioner this entry is for (a meeting with two of them appears twice). */
  userId: string;
  startsAt: Date;
  endsAt: Date;
  /**
   * Null for a meeting of a team the viewer may not read: the practitioner is shown busy,
   * with nothing about whom they are meeting, what kind of meeting or where.
   */
  details: {
    kind: (typeof meetings.kind.enumValues)[number];
    status: (typeof meetings.status.enumValues)[number];
    locationKind: (typeof meetings.locationKind.enumValues)[number];
    person: { id: string; givenName: string; familyName: string; preferredName: string | null };
  } | null;
};

export type CalendarAbsence = {
  id: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
  reason: (typeof absences.reason.enumValues)[number];
};

export type PractitionerWeek = { meetings: CalendarMeeting[]; absences: CalendarAbsence[] };
export type TeamWeek = PractitionerWeek & { practitioners: CalendarPractitioner[] };

/**
 * Meetings of the chosen practitioners that overlap the week, cancelled ones left out. Details
 * of the person only for meetings of `readable` teams.
 */
async function meetingsInWeek(
  db: Db,
  practitioners: SQL,
  readable: TeamScope,
  week: WeekWindow,
): Promise<CalendarMeeting[]> {
  const rows = await db
    .select({
      id: meetings.id,
      userId: meetingPractitioners.userId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      kind: meetings.kind,
      status: meetings.status,
      locationKind: meetings.locationKind,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
    })
    .from(meetingPractitioners)
    .innerJoin(meetings, eq(meetings.id, meetingPractitioners.meetingId))
    .leftJoin(people, and(eq(people.id, meetings.personId), inTeams(meetings.teamId, readable)))
    .where(
      and(
        practitioners,
        eq(meetingPractitioners.active, true),
        // Busy intervals are shorter than a day (four hours plus travel at most), so a lower
        // bound on busy_from lets the (user_id, busy_from) index find the week.
        gt(meetingPractitioners.busyFrom, new Date(week.start.getTime() - DAY_MS)),
        lt(meetingPractitioners.busyFrom, week.end),
        lt(meetings.startsAt, week.end),
        gt(meetings.endsAt, week.start),
        ne(meetings.status, 'cancelled'),
      ),
    )
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    details:
      r.personId !== null && r.givenName !== null && r.familyName !== null
        ? {
            kind: r.kind,
            status: r.status,
            locationKind: r.locationKind,
            person: {
              id: r.personId,
              givenName: r.givenName,
              familyName: r.familyName,
              preferredName: r.preferredName,
            },
          }
        : null,
  }));
}

/** Absences overlapping the week. The note is not read: it stays with administrators. */
async function absencesInWeek(db: Db, practitioners: SQL, week: WeekWindow): Promise<CalendarAbsence[]> {
  return db
    .select({
      id: absences.id,
      userId: absences.userId,
      startsAt: absences.startsAt,
      endsAt: absences.endsAt,
      reason: absences.reason,
    })
    .from(absences)
    .where(and(practitioners, lt(absences.startsAt, week.end), gt(absences.endsAt, week.start)))
    .orderBy(asc(absences.startsAt));
}

/**
 * A team's week: its practitioners who still have access (by name), all their meetings (with
 * the person for meetings of `readable` teams; others show as busy) and their absences.
 * Three queries, side by side, whatever the size of the team.
 */
export async function teamWeek(db: Db, teamId: string, readable: TeamScope, week: WeekWindow): Promise<TeamWeek> {
  const active = and(eq(teamMembers.teamId, teamId), isNull(users.disabledAt));
  const members = db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(active);
  const [practitioners, weekMeetings, weekAbsences] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, discipline: users.discipline })
      .from(teamMembers)
      .innerJoin(users, eq(users.id, teamMembers.userId))
      .where(active)
      .orderBy(asc(users.name), asc(users.id)),
    meetingsInWeek(db, inArray(meetingPractitioners.userId, members), readable, week),
    absencesInWeek(db, inArray(absences.userId, members), week),
  ]);
  return { practitioners, meetings: weekMeetings, absences: weekAbsences };
}

/** One practitioner's week: their meetings (details for the teams they may read) and absences. */
export async function practitionerWeek(
  db: Db,
  userId: string,
  readable: TeamScope,
  week: WeekWindow,
): Promise<PractitionerWeek> {
  const [weekMeetings, weekAbsences] = await Promise.all([
    meetingsInWeek(db, eq(meetingPractitioners.userId, userId), readable, week),
    absencesInWeek(db, eq(absences.userId, userId), week),
  ]);
  return { meetings: weekMeetings, absences: weekAbsences };
}
