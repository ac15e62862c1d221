import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  coreTeamAssignments,
  meetingAttendance,
  meetingPractitioners,
  meetingRecords,
  meetings,
  people,
  teams,
  users,
} from '../schema';
import { presentValues } from '../schema/records';

/**
 * The rows the continuity measures rest on (lib/continuity): held meetings, who came to them
 * (attendance), who was booked, and the core team's assignments. Rows only: the measures are
 * worked out in lib/continuity from these, never stored.
 */

// Spelled out with the table's name: in a select from one table drizzle leaves columns unqualified.
const day = sql<string>`to_char("meetings"."starts_at" at time zone "meetings"."time_zone", 'YYYY-MM-DD')`;
const signedOf = (meeting: string) =>
  sql<boolean>`exists (select 1 from record_signatures s join meeting_records r on r.id = s.record_id where r.meeting_id = ${sql.raw(meeting)})`;
const enteredInErrorOf = (meeting: string) =>
  sql<boolean>`exists (select 1 from meeting_records e where e.meeting_id = ${sql.raw(meeting)} and e.entered_in_error_reason is not null)`;
const signed = signedOf('"meetings"."id"');

/** A person's held meetings, oldest first, with whether their record is signed. */
export async function heldMeetingsOfPerson(db: Db, personId: string) {
  return db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      day,
      signed,
      enteredInError: enteredInErrorOf('"meetings"."id"'),
    })
    .from(meetings)
    .where(and(eq(meetings.personId, personId), eq(meetings.status, 'held')))
    .orderBy(asc(meetings.startsAt), asc(meetings.id));
}

/** Every held meeting of a team's people, by person, oldest first (for the export and the trends). */
export async function heldMeetingsOfTeam(db: Db, teamId: string) {
  return db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      day,
      signed,
      enteredInError: enteredInErrorOf('"meetings"."id"'),
      firstSignedAt: sql<Date | null>`(select min(s.signed_at) from record_signatures s join meeting_records r on r.id = s.record_id where r.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'held')))
    .orderBy(asc(meetings.personId), asc(meetings.startsAt), asc(meetings.id));
}

export type HeldMeetingRow = Awaited<ReturnType<typeof heldMeetingsOfPerson>>[number];

/** Each team's person's latest `count` held meetings (newest first), for the team's flags. */
export async function latestHeldMeetingsOfTeam(db: Db, teamId: string, count = 4): Promise<HeldMeetingRow[]> {
  const ranked = db
    .select({
      id: meetings.id,
      personId: meetings.personId,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      day: sql<string>`${day}`.as('day'),
      rank: sql<number>`row_number() over (partition by "meetings"."person_id" order by "meetings"."starts_at" desc, "meetings"."id" desc)`.as(
        'rank',
      ),
    })
    .from(meetings)
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'held')))
    .as('ranked');
  const rows = await db
    .select({
      id: ranked.id,
      personId: ranked.personId,
      startsAt: ranked.startsAt,
      endsAt: ranked.endsAt,
      day: ranked.day,
      signed: signedOf('"ranked"."id"'),
      enteredInError: enteredInErrorOf('"ranked"."id"'),
    })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${count}`)
    .orderBy(asc(ranked.personId), desc(ranked.startsAt), desc(ranked.id));
  return rows.map((r) => ({ ...r, startsAt: new Date(r.startsAt), endsAt: new Date(r.endsAt) }));
}

/** Who came to (or was marked at) these meetings, with each practitioner's discipline. */
export async function attendanceOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: meetingAttendance.meetingId,
      userId: meetingAttendance.userId,
      personId: meetingAttendance.personId,
      networkMemberId: meetingAttendance.networkMemberId,
      came: sql<boolean>`${inArray(meetingAttendance.presence, [...presentValues])}`,
      peer: sql<boolean>`coalesce(${users.discipline} = 'peer_support_worker', false)`,
    })
    .from(meetingAttendance)
    .leftJoin(users, eq(users.id, meetingAttendance.userId))
    .where(inArray(meetingAttendance.meetingId, meetingIds));
}

/** Who from the team was booked to these meetings. */
export async function bookedTo(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({ meetingId: meetingPractitioners.meetingId, userId: meetingPractitioners.userId })
    .from(meetingPractitioners)
    .where(inArray(meetingPractitioners.meetingId, meetingIds));
}

/** The core-team assignments of these people, past and present. */
export async function coreAssignmentsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({
      personId: coreTeamAssignments.personId,
      userId: coreTeamAssignments.userId,
      role: coreTeamAssignments.role,
      startsOn: coreTeamAssignments.startsOn,
      endsOn: coreTeamAssignments.endsOn,
    })
    .from(coreTeamAssignments)
    .where(inArray(coreTeamAssignments.personId, personIds));
}

/** The team's people (only the active ones unless `everyone`), for its review and its export. */
export async function activePeopleOfTeam(db: Db, teamId: string, everyone = false) {
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      referralAt: people.referralAt,
      status: people.status,
      firstHeldAt: sql<Date | null>`(select min(m.starts_at) from meetings m where m.person_id = "people"."id" and m.status = 'held')`,
    })
    .from(people)
    .where(and(eq(people.teamId, teamId), everyone ? undefined : eq(people.status, 'active')))
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id));
}

/** Per person of the team: held meetings older than `signDays` whose record nobody has signed. */
export async function unsignedRecordsOfTeam(db: Db, teamId: string, before: Date) {
  return db
    .select({ personId: meetings.personId, count: sql<number>`count(*)::int` })
    .from(meetings)
    .where(
      and(
        eq(meetings.teamId, teamId),
        eq(meetings.status, 'held'),
        sql`"meetings"."ends_at" < ${before.toISOString()}::timestamptz`,
        sql`not ${signed}`,
        sql`not ${enteredInErrorOf('"meetings"."id"')}`,
      ),
    )
    .groupBy(meetings.personId);
}

/**
 * Per person of the team: open actions whose date is before `today`, as the person's page
 * counts them (lib/records/content.ts `openItems`): across the latest version of each held
 * meeting's record (none entered in error), the newest mention of an action (by who and what,
 * in any case and spacing) decides whether it is done.
 */
export async function overdueActionsOfTeam(db: Db, teamId: string, today: string) {
  const result = await db.execute(sql`
    with latest as (
      select distinct on (m.id) m.id, m.person_id, m.starts_at, r.content
      from ${meetings} m join ${meetingRecords} r on r.meeting_id = m.id
      where m.team_id = ${teamId} and m.status = 'held'
        and not exists (select 1 from ${meetingRecords} e where e.meeting_id = m.id and e.entered_in_error_reason is not null)
      order by m.id, r.version desc
    ), mentions as (
      select distinct on (l.person_id, k.key) l.person_id, (a->>'done')::boolean as done, a->>'byWhen' as by_when
      from latest l
      cross join lateral jsonb_array_elements(coalesce(l.content->'actions', '[]'::jsonb)) a
      cross join lateral (select lower(regexp_replace(btrim(a->>'who'), '\\s+', ' ', 'g')) || '|' ||
        lower(regexp_replace(btrim(a->>'what'), '\\s+', ' ', 'g')) as key) k
      order by l.person_id, k.key, l.starts_at desc
    )
    select person_id, count(*)::int as count from mentions
    where not done and by_when is not null and by_when < ${today}
    group by person_id`);
  // postgres.js returns the rows; PGlite an object holding them.
  const list = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as {
    person_id: string;
    count: number;
  }[];
  return list.map((r) => ({ personId: r.person_id, count: Number(r.count) }));
}

/** The practitioners named in a ribbon, with whether they are peer support workers. */
export async function practitionersNamed(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, discipline: users.discipline })
    .from(users)
    .where(and(inArray(users.id, userIds), isNotNull(users.id)));
}

/** The team's thresholds for the continuity flags, and its time zone. */
export async function continuitySettings(db: Db, teamId: string) {
  const [row] = await db
    .select({
      timeZone: teams.timeZone,
      firstMeetingHours: teams.firstMeetingHours,
      gapDays: teams.meetingGapDays,
      signDays: teams.signWithinDays,
    })
    .from(teams)
    .where(eq(teams.id, teamId));
  return row;
}
