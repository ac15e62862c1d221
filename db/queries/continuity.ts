import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  coreTeamAssignments,
  meetingAttendance,
  meetingPractitioners,
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
/** The presences that count as having come, as a literal list for the raw statements below. */
const presentList = sql.raw(presentValues.map((v) => `'${v}'`).join(', '));

/** A held meeting's columns for the measures, with whether its record is signed or entered in error. */
const heldColumns = {
  id: meetings.id,
  personId: meetings.personId,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  day,
  signed,
  enteredInError: enteredInErrorOf('"meetings"."id"'),
};

type PersonMeetingJson = {
  id: string;
  personId: string;
  startsAt: string;
  endsAt: string;
  day: string;
  signed: boolean;
  enteredInError: boolean;
  attendance: {
    userId: string | null;
    personId: string | null;
    networkMemberId: string | null;
    came: boolean;
  }[];
  booked: string[];
};
type AssignmentJson = {
  personId: string;
  userId: string;
  role: (typeof coreTeamAssignments.role.enumValues)[number];
  startsOn: string;
  endsOn: string | null;
};
type PractitionerJson = { id: string; name: string; discipline: (typeof users.discipline.enumValues)[number] };

/**
 * Everything one person's continuity rests on, in one statement: their held meetings (oldest
 * first, with whether the record is signed or entered in error), who was marked at each and who
 * was booked, their core team's assignments past and present, and the names of every
 * practitioner among them.
 */
export async function personContinuityRows(db: Db, personId: string) {
  const result = await db.execute(sql`
    select
      (select coalesce(json_agg(json_build_object(
          'id', m.id, 'personId', m.person_id, 'startsAt', m.starts_at, 'endsAt', m.ends_at,
          'day', to_char(m.starts_at at time zone m.time_zone, 'YYYY-MM-DD'),
          'signed', ${signedOf('m.id')},
          'enteredInError', ${enteredInErrorOf('m.id')},
          'attendance', (select coalesce(json_agg(json_build_object(
              'userId', a.user_id, 'personId', a.person_id, 'networkMemberId', a.network_member_id,
              'came', coalesce(a.presence in (${presentList}), false))), '[]'::json)
            from meeting_attendance a where a.meeting_id = m.id),
          'booked', (select coalesce(json_agg(mp.user_id), '[]'::json) from meeting_practitioners mp where mp.meeting_id = m.id))
        order by m.starts_at, m.id), '[]'::json)
        from meetings m where m.person_id = ${personId} and m.status = 'held') as meetings,
      (select coalesce(json_agg(json_build_object('personId', c.person_id, 'userId', c.user_id, 'role', c.role,
          'startsOn', c.starts_on, 'endsOn', c.ends_on)), '[]'::json)
        from core_team_assignments c where c.person_id = ${personId}) as assignments,
      (select coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'discipline', u.discipline) order by u.name, u.id), '[]'::json)
        from users u where u.id in (
          select a.user_id from meeting_attendance a join meetings m on m.id = a.meeting_id
            where m.person_id = ${personId} and m.status = 'held' and a.user_id is not null
          union select mp.user_id from meeting_practitioners mp join meetings m on m.id = mp.meeting_id
            where m.person_id = ${personId} and m.status = 'held'
          union select c.user_id from core_team_assignments c where c.person_id = ${personId})) as practitioners`);
  const [row] = rowsOf<{
    meetings: PersonMeetingJson[];
    assignments: AssignmentJson[];
    practitioners: PractitionerJson[];
  }>(result);
  const practitioners = row?.practitioners ?? [];
  // Whether someone marked is a peer worker comes from the names read alongside (every
  // practitioner marked is among them), not from a join to users for each meeting.
  const peers = new Set(practitioners.filter((p) => p.discipline === 'peer_support_worker').map((p) => p.id));
  const meetingsHeld = (row?.meetings ?? []).map((m) => ({
    ...m,
    startsAt: new Date(m.startsAt),
    endsAt: new Date(m.endsAt),
    attendance: m.attendance.map((a) => ({ ...a, peer: a.userId !== null && peers.has(a.userId) })),
  }));
  return {
    meetings: meetingsHeld,
    attendance: meetingsHeld.flatMap((m) => m.attendance.map((a) => ({ meetingId: m.id, ...a }))),
    booked: meetingsHeld.flatMap((m) => m.booked.map((userId) => ({ meetingId: m.id, userId }))),
    assignments: row?.assignments ?? [],
    practitioners,
  };
}

/** Every held meeting of a team's people, by person, oldest first (for the export and the trends). */
export async function heldMeetingsOfTeam(db: Db, teamId: string) {
  return db
    .select({
      ...heldColumns,
      firstSignedAt: sql<Date | null>`(select min(s.signed_at) from record_signatures s join meeting_records r on r.id = s.record_id where r.meeting_id = "meetings"."id")`,
    })
    .from(meetings)
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'held')))
    .orderBy(asc(meetings.personId), asc(meetings.startsAt), asc(meetings.id));
}

export type HeldMeetingRow = Awaited<ReturnType<typeof personContinuityRows>>['meetings'][number];

/** Rows of a raw statement: postgres.js returns them as the result; PGlite in an object. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** One of the latest held meetings of a person of the team, with who came, as the flags read it. */
type LatestHeldMeeting = {
  id: string;
  personId: string;
  startsAt: Date;
  /** The meeting's day where it was held, for the core team of that day. */
  day: string;
  /** Practitioners who came, sorted. */
  came: string[];
  /** A peer support worker came. */
  peerCame: boolean;
  /** How many network members came. */
  members: number;
};

/**
 * Each active person's latest `count` held meetings (newest first, by person) with who came,
 * and the core-team assignments, past and present, of the team's active people, in one
 * statement that returns one row: one probe of the (person_id, starts_at) index of held
 * meetings per person, then the attendance of those meetings folded per meeting in the
 * database. The cost follows the team's people, not its years of meetings, and the app parses
 * one JSON value rather than a row per attendee.
 */
export async function latestHeldMeetingsOfTeam(db: Db, teamId: string, count = 4) {
  const result = await db.execute(sql`
    with l as (
      select p.id as person_id, m.id, m.starts_at, m.day
      from people p
      cross join lateral (
        select m.id, m.starts_at, to_char(m.starts_at at time zone m.time_zone, 'YYYY-MM-DD') as day
        from meetings m
        where m.person_id = p.id and m.status = 'held'
        order by m.starts_at desc, m.id desc
        limit ${count}
      ) m
      where p.team_id = ${teamId} and p.status = 'active'
    ), came as (
      select a.meeting_id,
        json_agg(distinct a.user_id) filter (where a.user_id is not null) as practitioners,
        coalesce(bool_or(u.discipline = 'peer_support_worker'), false) as peer_came,
        count(distinct a.network_member_id)::int as members
      from l
      join meeting_attendance a on a.meeting_id = l.id
      left join users u on u.id = a.user_id
      where a.presence in (${presentList})
      group by a.meeting_id
    )
    select
      (select coalesce(json_agg(json_build_object(
          'id', l.id, 'personId', l.person_id, 'startsAt', l.starts_at, 'day', l.day,
          'came', coalesce(c.practitioners, '[]'::json), 'peerCame', coalesce(c.peer_came, false),
          'members', coalesce(c.members, 0))
        order by l.person_id, l.starts_at desc, l.id desc), '[]'::json)
        from l left join came c on c.meeting_id = l.id) as meetings,
      (select coalesce(json_agg(json_build_object('personId', c.person_id, 'userId', c.user_id,
          'startsOn', c.starts_on, 'endsOn', c.ends_on)), '[]'::json)
        from core_team_assignments c join people p on p.id = c.person_id
        where p.team_id = ${teamId} and p.status = 'active') as assignments`);
  const [row] = rowsOf<{
    meetings: (Omit<LatestHeldMeeting, 'startsAt'> & { startsAt: string })[];
    assignments: { personId: string; userId: string; startsOn: string; endsOn: string | null }[];
  }>(result);
  return {
    meetings: (row?.meetings ?? []).map((m): LatestHeldMeeting => ({ ...m, startsAt: new Date(m.startsAt) })),
    assignments: row?.assignments ?? [],
  };
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

/**
 * Per person of the team, over its held meetings since `since`, in one pass over each meeting's
 * latest record version: how many ended before `signedBefore` with no signed version (records
 * entered in error aside), and how many open actions are past `today`, counted as the person's
 * page counts them (lib/records/content.ts `openItems`): the newest mention of an action (by who
 * and what, in any case and spacing) decides whether it is done.
 */
export async function recordFlagsOfTeam(
  db: Db,
  teamId: string,
  input: { since: Date; signedBefore: Date; today: string },
): Promise<{ personId: string; unsigned: number; overdue: number }[]> {
  const result = await db.execute(sql`
    with latest as (
      select m.id as meeting_id, m.person_id, m.starts_at, m.ends_at, r.id as record_id, r.content,
        r.entered_in_error_reason
      from meetings m
      left join lateral (
        select r.id, r.content, r.entered_in_error_reason from meeting_records r
        where r.meeting_id = m.id order by r.version desc limit 1
      ) r on true
      where m.team_id = ${teamId} and m.status = 'held' and m.starts_at >= ${input.since.toISOString()}::timestamptz
    ), unsigned as (
      select l.person_id, count(*)::int as n from latest l
      where l.ends_at < ${input.signedBefore.toISOString()}::timestamptz and l.entered_in_error_reason is null
        and not (
          exists (select 1 from record_signatures s where s.record_id = l.record_id)
          or exists (select 1 from meeting_records v join record_signatures s on s.record_id = v.id where v.meeting_id = l.meeting_id)
        )
      group by l.person_id
    ), mentions as (
      select distinct on (l.person_id, k.key) l.person_id, (a->>'done')::boolean as done, a->>'byWhen' as by_when
      from latest l
      cross join lateral jsonb_array_elements(coalesce(l.content->'actions', '[]'::jsonb)) a
      cross join lateral (select lower(regexp_replace(btrim(a->>'who'), '\s+', ' ', 'g')) || '|' ||
        lower(regexp_replace(btrim(a->>'what'), '\s+', ' ', 'g')) as key) k
      where l.record_id is not null and l.entered_in_error_reason is null
      order by l.person_id, k.key, l.starts_at desc
    ), overdue as (
      select person_id, count(*)::int as n from mentions
      where not done and by_when is not null and by_when < ${input.today}
      group by person_id
    )
    select coalesce(u.person_id, o.person_id) as person_id, coalesce(u.n, 0) as unsigned, coalesce(o.n, 0) as overdue
    from unsigned u full join overdue o on o.person_id = u.person_id`);
  return rowsOf<{ person_id: string; unsigned: number; overdue: number }>(result).map((r) => ({
    personId: r.person_id,
    unsigned: Number(r.unsigned),
    overdue: Number(r.overdue),
  }));
}

/** The practitioners named in a ribbon, with whether they are peer support workers. */
export async function practitionersNamed(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, discipline: users.discipline })
    .from(users)
    .where(inArray(users.id, userIds));
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
