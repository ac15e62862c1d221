import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { TeamScope } from '@/lib/auth/permissions';
import type { Db } from '../client';
import { coreTeamAssignments, meetingPractitioners, meetings, people, teams, users } from '../schema';
import { inTeams } from './scope';

export type CaseloadFilter = {
  q?: string;
  status: 'active' | 'discharged' | 'all';
  mine: boolean;
  sort: 'next' | 'last' | 'name';
  page: number;
  pageSize?: number;
};

// Correlated subqueries name the outer table in full: drizzle may render a bare column as "id".
const nextMeeting = sql<Date | null>`(select min(m.starts_at) from ${meetings} m where m.person_id = "people"."id" and m.status = 'scheduled' and m.ends_at > now())`;
const lastMeeting = sql<Date | null>`(select max(m.starts_at) from ${meetings} m where m.person_id = "people"."id" and m.status = 'held' and m.starts_at < now())`;

/**
 * The people on the caseloads of the user's teams: searched by any part of their names,
 * filtered, sorted by their next or last meeting, a page at a time with the total.
 */
export async function listCaseload(
  db: Db,
  scope: { userId: string; teams: TeamScope; today: string },
  filter: CaseloadFilter,
) {
  const pageSize = filter.pageSize ?? 25;
  const conditions: SQL[] = [inTeams(people.teamId, scope.teams)];
  if (filter.status !== 'all') conditions.push(eq(people.status, filter.status));
  for (const term of (filter.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 4)) {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(people.givenName, pattern), ilike(people.familyName, pattern), ilike(people.preferredName, pattern))!,
    );
  }
  if (filter.mine) {
    conditions.push(sql`exists (select 1 from ${coreTeamAssignments} c where c.person_id = ${people.id} and c.user_id = ${scope.userId}
      and c.starts_on <= ${scope.today} and (c.ends_on is null or c.ends_on >= ${scope.today}))`);
  }
  // Ordered by the selected columns' names, so each subquery runs once per person, not twice.
  const order =
    filter.sort === 'name'
      ? [asc(people.familyName), asc(people.givenName)]
      : filter.sort === 'last'
        ? [sql`"last_meeting" desc nulls last`, asc(people.familyName)]
        : [sql`"next_meeting" asc nulls last`, asc(people.familyName)];
  const rows = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      preferredName: people.preferredName,
      pronouns: people.pronouns,
      status: people.status,
      teamName: teams.name,
      nextMeeting: nextMeeting.as('next_meeting'),
      lastMeeting: lastMeeting.as('last_meeting'),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(people)
    .innerJoin(teams, eq(teams.id, people.teamId))
    .where(and(...conditions))
    .orderBy(...order, asc(people.id))
    .limit(pageSize)
    .offset(Math.max(0, filter.page - 1) * pageSize);
  const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    total: rows[0]?.total ?? 0,
    pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      givenName: r.givenName,
      familyName: r.familyName,
      preferredName: r.preferredName,
      pronouns: r.pronouns,
      status: r.status,
      teamName: r.teamName,
      nextMeeting: toDate(r.nextMeeting),
      lastMeeting: toDate(r.lastMeeting),
    })),
  };
}

const personColumns = {
  id: people.id,
  teamId: people.teamId,
  teamName: teams.name,
  teamTimeZone: teams.timeZone,
  givenName: people.givenName,
  familyName: people.familyName,
  preferredName: people.preferredName,
  pronouns: people.pronouns,
  dateOfBirth: people.dateOfBirth,
  email: people.email,
  phone: people.phone,
  address: people.address,
  preferredPlaces: people.preferredPlaces,
  accessibilityNeeds: people.accessibilityNeeds,
  interpreterLanguage: people.interpreterLanguage,
  meetingPreferences: people.meetingPreferences,
  inviteesSeeEachOther: people.inviteesSeeEachOther,
  referralAt: people.referralAt,
  firstContactUserId: people.firstContactUserId,
  firstContactName: users.name,
  status: people.status,
  dischargedAt: people.dischargedAt,
  updatedAt: people.updatedAt,
};

/** One person, only if they are on a team in scope; otherwise undefined (a 404 for the caller). */
export async function findPerson(db: Db, id: string, scope: TeamScope) {
  const rows = await db
    .select(personColumns)
    .from(people)
    .innerJoin(teams, eq(teams.id, people.teamId))
    .leftJoin(users, eq(users.id, people.firstContactUserId))
    .where(and(eq(people.id, id), inTeams(people.teamId, scope)))
    .limit(1);
  return rows[0];
}

export type PersonRecord = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

/**
 * A person as a write about them needs them: who, and whose caseload (the team scopes the write
 * and its audit row); `status` where the write refuses someone discharged.
 */
export type PersonRef = Pick<PersonRecord, 'id' | 'teamId'> & Partial<Pick<PersonRecord, 'status'>>;

/** Someone with the same name and date of birth already on the team's caseload. */
export async function findLikelyDuplicates(
  db: Db,
  teamId: string,
  p: { givenName: string; familyName: string; dateOfBirth: string | null; excludeId?: string },
) {
  if (!p.dateOfBirth) return [];
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      dateOfBirth: people.dateOfBirth,
    })
    .from(people)
    .where(
      and(
        eq(people.teamId, teamId),
        sql`lower(${people.givenName}) = lower(${p.givenName})`,
        sql`lower(${people.familyName}) = lower(${p.familyName})`,
        eq(people.dateOfBirth, p.dateOfBirth),
        p.excludeId ? sql`${people.id} <> ${p.excludeId}` : sql`true`,
      ),
    )
    .limit(5);
}

/** A person's meetings either side of now, each with the practitioners who came or are coming. */
export async function personMeetings(db: Db, personId: string, teamId: string, limits = { upcoming: 10, past: 10 }) {
  const base = () =>
    db
      .select({
        id: meetings.id,
        kind: meetings.kind,
        status: meetings.status,
        startsAt: meetings.startsAt,
        endsAt: meetings.endsAt,
        timeZone: meetings.timeZone,
        locationKind: meetings.locationKind,
        locationDetail: meetings.locationDetail,
        practitioners: sql<
          string[]
        >`coalesce((select array_agg(u.name order by u.name) from ${meetingPractitioners} mp join ${users} u on u.id = mp.user_id where mp.meeting_id = "meetings"."id"), '{}')`,
      })
      .from(meetings);
  const [upcoming, past] = await Promise.all([
    base()
      .where(
        and(
          eq(meetings.personId, personId),
          eq(meetings.teamId, teamId),
          sql`${meetings.endsAt} > now()`,
          sql`${meetings.status} <> 'cancelled'`,
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(limits.upcoming),
    base()
      .where(and(eq(meetings.personId, personId), eq(meetings.teamId, teamId), sql`${meetings.endsAt} <= now()`))
      .orderBy(desc(meetings.startsAt))
      .limit(limits.past),
  ]);
  return { upcoming, past };
}
